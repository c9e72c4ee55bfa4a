package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The functions' user data against {@link Setting}: every name set is one the code reads, and every
 * name the code reads is set or listed in terraform/README.md as left at its default on purpose.
 */
class TerraformSettingsTest {
  /** Settings only the OBS handler reads; the API function has no use for them. */
  private static final String OBS_HANDLER_ONLY = "OBS handler";

  private static final Pattern OPTIONAL_SECTION =
      Pattern.compile(
          "<!-- terraform-optional-settings -->(.*?)<!-- /terraform-optional-settings -->",
          Pattern.DOTALL);
  private static final Pattern TABLE_ROW_NAME =
      Pattern.compile("^\\|\\s*`([A-Z0-9_]+)`\\s*\\|", Pattern.MULTILINE);

  private final TerraformConfig config = TerraformConfig.deployment();
  private final Wiring wiring = new Wiring(config);

  @Test
  void userData_everyKey_isASetting() {
    Set<String> known = Arrays.stream(Setting.values()).map(Enum::name).collect(Collectors.toSet());

    for (TfBlock function : wiring.functions()) {
      Set<String> unknown = new TreeSet<>(keys(function));
      unknown.removeAll(known);
      assertEquals(Set.of(), unknown, function.address() + " sets names the code never reads");
    }
  }

  @Test
  void userData_everySettingItsHandlerReads_isSetOrDocumentedOptional() throws IOException {
    Set<String> optional = documentedOptional();

    for (TfBlock function : wiring.functions()) {
      boolean api = wiring.apiFunctions().contains(function);
      Set<String> missing = new TreeSet<>();
      for (Setting setting : Setting.values()) {
        boolean applies = !(api && setting.readBy().equals(OBS_HANDLER_ONLY));
        if (applies
            && !keys(function).contains(setting.name())
            && !optional.contains(setting.name())) {
          missing.add(setting.name());
        }
      }
      assertEquals(Set.of(), missing, function.address() + " neither sets nor documents these");
    }
  }

  @Test
  void userData_engine_isKms() {
    for (TfBlock function : wiring.functions()) {
      assertEquals(
          "kms",
          wiring.userData(function).path(Setting.REENCRYPT_ENGINE.name()).asText(),
          function.address());
    }
  }

  @Test
  void documentedOptional_names_areSettingsNoFunctionSets() throws IOException {
    Set<String> optional = documentedOptional();
    Set<String> known = Arrays.stream(Setting.values()).map(Enum::name).collect(Collectors.toSet());

    assertFalse(optional.isEmpty(), "no optional-settings table found in terraform/README.md");
    assertTrue(known.containsAll(optional), "documented but not a Setting: " + optional);
    for (TfBlock function : wiring.functions()) {
      for (String name : optional) {
        assertFalse(keys(function).contains(name), function.address() + " sets optional " + name);
      }
    }
  }

  private Set<String> keys(TfBlock function) {
    Set<String> keys = new LinkedHashSet<>();
    wiring.userData(function).fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /**
   * The names in the table of settings the deployment leaves at their defaults (between the {@code
   * terraform-optional-settings} markers) in terraform/README.md.
   */
  private static Set<String> documentedOptional() throws IOException {
    Path readme = TerraformConfig.repositoryRoot().resolve("terraform/README.md");
    Matcher section = OPTIONAL_SECTION.matcher(Files.readString(readme));
    Set<String> names = new TreeSet<>();
    if (section.find()) {
      Matcher row = TABLE_ROW_NAME.matcher(section.group(1));
      while (row.find()) {
        names.add(row.group(1));
      }
    }
    return names;
  }
}
