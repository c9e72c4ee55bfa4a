package cloud.reencrypt.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed demo keystore: the fixed keys every fixture relies on. */
class DemoKeystoreTest {
  private final KeystoreSnapshot demo = LocalKeystore.open(TestKeystores.demo()).snapshot();

  @Test
  void demoKeystore_keyIds_areExactlyTheFixedDemoKeys() {
    assertEquals(DemoKeys.ALL, demo.keys().keySet());
  }

  @Test
  void demoKeystore_enabledKeys_coverEverySpec() {
    Set<KeySpec> enabled =
        demo.allKeys().stream()
            .filter(key -> key.state() == KeyStateCode.ENABLED)
            .map(LocalKey::spec)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(KeySpec.class)));
    assertEquals(EnumSet.allOf(KeySpec.class), enabled);
  }

  @Test
  void demoKeystore_specialKeys_haveTheirModeAndState() {
    assertEquals(DatakeyMode.CBC, demo.key(DemoKeys.AES_256_CBC_DATAKEY).datakeyMode());
    assertEquals(DatakeyMode.GCM, demo.key(DemoKeys.AES_256).datakeyMode());
    assertEquals(KeyStateCode.DISABLED, demo.key(DemoKeys.AES_256_DISABLED).state());
    assertEquals(KeyStateCode.PENDING_DELETION, demo.key(DemoKeys.SM4_PENDING_DELETION).state());
  }

  @Test
  void demoKeystore_serverSettings_arePresent() {
    assertTrue(demo.publicDemo());
    assertTrue(demo.projectId().matches("[0-9a-f]{32}"));
    assertEquals(1, demo.credentials().size());
    assertEquals(1, demo.authTokens().size());
  }

  @Test
  void eventsReadme_saysTheKeysArePublicAndForTestingOnly() throws IOException {
    String readme = Files.readString(TestKeystores.demo().resolveSibling("README.md"));
    assertTrue(readme.contains("is public"), readme);
    assertTrue(readme.contains("tests only"), readme);
  }
}
