package cloud.reencrypt.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.testing.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The package map's import rules, read from the main sources' import lines: each kept client or
 * crypto library is imported in exactly one package, {@code config} imports nothing of the project
 * beyond itself, and among the packages FunctionGraph runs only the composition root ({@code
 * wiring}) names an engine's or a store's classes.
 */
class PackageImportsTest {
  private static final Path SOURCES = RepoPaths.root().resolve("function/src/main/java");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([a-z][\\w.]*)\\.[A-Z]", Pattern.MULTILINE);

  /** The packages of the FunctionGraph jar, where the engines must stay behind the interface. */
  private static final Set<String> FUNCTION_PACKAGES =
      Set.of(
          "cloud.reencrypt.kms",
          "cloud.reencrypt.mapping",
          "cloud.reencrypt.service",
          "cloud.reencrypt.store",
          "cloud.reencrypt.config",
          "cloud.reencrypt.wiring",
          "cloud.reencrypt.fgs");

  @ParameterizedTest
  @CsvSource({
    "com.huaweicloud.sdk, cloud.reencrypt.kms.cloud",
    "com.obs, cloud.reencrypt.store.obs",
    "org.bouncycastle, cloud.reencrypt.kms.local.crypto",
    "org.eclipse.jetty, cloud.reencrypt.server"
  })
  void library_importedAnywhere_onlyByItsOnePackage(String library, String owner) {
    assertEquals(Set.of(owner), importers(library, p -> true));
  }

  @ParameterizedTest
  @CsvSource({
    "cloud.reencrypt.kms.local, cloud.reencrypt.kms.local",
    "cloud.reencrypt.kms.cloud, cloud.reencrypt.kms.cloud",
    "cloud.reencrypt.store.obs, cloud.reencrypt.store.obs"
  })
  void engineOrStoreClasses_namedInTheFunction_onlyByItselfAndTheCompositionRoot(
      String implementation, String itself) {
    Set<String> importers =
        importers(implementation, p -> FUNCTION_PACKAGES.stream().anyMatch(p::startsWith));
    importers.removeIf(p -> p.startsWith(itself));
    assertEquals(Set.of("cloud.reencrypt.wiring"), importers);
  }

  @Test
  void config_importsNothingOfTheProjectButItself() {
    Set<String> imported = new TreeSet<>();
    forEachSource(
        (pkg, imports) -> {
          if (pkg.equals("cloud.reencrypt.config")) {
            imports.filter(i -> i.startsWith("cloud.reencrypt.")).forEach(imported::add);
          }
        });
    imported.remove("cloud.reencrypt.config");
    assertEquals(Set.of(), imported);
  }

  /** The packages whose sources import from {@code prefix}, among those {@code scope} accepts. */
  private static Set<String> importers(String prefix, Predicate<String> scope) {
    Set<String> importers = new TreeSet<>();
    forEachSource(
        (pkg, imports) -> {
          if (scope.test(pkg) && imports.anyMatch(i -> i.startsWith(prefix))) {
            importers.add(pkg);
          }
        });
    return importers;
  }

  private interface SourceVisitor {
    void visit(String pkg, Stream<String> importedPackages);
  }

  private static void forEachSource(SourceVisitor visitor) {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
        Matcher imports = IMPORT.matcher(Files.readString(file));
        visitor.visit(pkg, imports.results().map(m -> m.group(1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
