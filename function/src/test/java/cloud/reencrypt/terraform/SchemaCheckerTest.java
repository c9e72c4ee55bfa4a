package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema checker against broken configurations: each file under {@code terraform/invalid/}
 * breaks one rule and names, on its first line ({@code # expect: ...}), the one problem the checker
 * must report. Proves that a clean report on {@code terraform/} means something.
 */
class SchemaCheckerTest {
  private static final String EXPECT = "# expect: ";

  static List<Path> brokenConfigurations() throws URISyntaxException {
    return TerraformConfig.tfFiles(
        Path.of(SchemaCheckerTest.class.getResource("/terraform/invalid").toURI()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenConfigurations")
  void check_brokenConfiguration_reportsExactlyItsProblem(Path file) throws IOException {
    String expected = Files.readAllLines(file).get(0).substring(EXPECT.length());
    SchemaChecker checker = new SchemaChecker(ProviderSchema.snapshot());

    List<String> problems =
        TerraformConfig.load(List.of(file)).blocks().stream()
            .flatMap(block -> checker.check(block).stream())
            .toList();

    assertEquals(List.of(expected), problems);
  }
}
