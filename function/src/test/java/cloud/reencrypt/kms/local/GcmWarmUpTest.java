package cloud.reencrypt.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which keys the local engine's warm-up re-encrypts under: one enabled key per symmetric spec. */
class GcmWarmUpTest {
  @TempDir Path directory;

  @Test
  void keysToWarm_demoKeystore_oneEnabledKeyOfEachSymmetricSpec() {
    KeystoreSnapshot keys = LocalKeystore.open(TestKeystores.demo()).snapshot();

    Map<KeySpec, LocalKey> warmed = specs(keys, GcmWarmUp.keysToWarm(keys));

    assertEquals(List.of(KeySpec.AES_256, KeySpec.SM4), List.copyOf(warmed.keySet()));
    warmed.values().forEach(key -> assertEquals(KeyStateCode.ENABLED, key.state(), key.keyId()));
  }

  @Test
  void keysToWarm_noEnabledSm4Key_warmsAesOnly() throws Exception {
    Path file = TestKeystores.copyOfDemo(directory);
    LocalKmsEngine engine = TestKeystores.engine(file);
    engine.disableKey(Requests.keyId(DemoKeys.SM4));
    KeystoreSnapshot keys = engine.keystore().snapshot();

    List<String> warmed = GcmWarmUp.keysToWarm(keys);

    assertEquals(List.of(KeySpec.AES_256), List.copyOf(specs(keys, warmed).keySet()));
    assertTrue(keys.allKeys().stream().anyMatch(key -> key.spec() == KeySpec.SM4));
  }

  private static Map<KeySpec, LocalKey> specs(KeystoreSnapshot keys, List<String> keyIds) {
    Map<String, LocalKey> byId =
        keys.allKeys().stream().collect(Collectors.toMap(LocalKey::keyId, Function.identity()));
    return keyIds.stream()
        .map(byId::get)
        .collect(
            Collectors.toMap(
                LocalKey::spec, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
  }
}
