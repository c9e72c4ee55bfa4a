package cloud.reencrypt.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The configuration table in the README is the {@link Setting} enum, row for row: a setting added,
 * renamed or re-described without the doc fails here, with the table to paste.
 */
class SettingsTableTest {
  static String table() {
    StringBuilder table =
        new StringBuilder("| Name | Default | Read by | Meaning |\n|---|---|---|---|\n");
    for (Setting setting : Setting.values()) {
      String defaultValue = setting.defaultValue().isEmpty() ? "unset" : setting.defaultValue();
      if (!defaultValue.equals("unset") && !defaultValue.contains(" ")) {
        defaultValue = "`" + defaultValue + "`";
      }
      table.append("| `").append(setting.name()).append("` | ").append(defaultValue).append(" | ");
      table.append(setting.readBy()).append(" | ").append(setting.description()).append(" |\n");
    }
    return table.toString();
  }

  @Test
  void readme_configurationTable_isTheSettingEnum() throws Exception {
    Path doc = RepoPaths.root().resolve("README.md");
    String text = Files.readString(doc);

    assertTrue(text.contains(table()), "README.md must hold this table:\n" + table());
  }
}
