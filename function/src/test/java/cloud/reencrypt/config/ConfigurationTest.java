package cloud.reencrypt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
  private static Configuration read(Map<String, String> values) {
    return Configuration.read(values::get, false);
  }

  private static String failure(Map<String, String> values) {
    return assertThrows(ConfigurationException.class, () -> read(values)).getMessage();
  }

  @Test
  void read_nothingSet_usesDefaults() {
    Configuration configuration = read(Map.of());

    assertEquals("local", configuration.engine());
    assertEquals(Path.of("events/keystore.json"), configuration.keystore());
    assertEquals("reencrypted/", configuration.outputPrefix());
    assertEquals("SYMMETRIC_DEFAULT", configuration.destinationEncryptionAlgorithm());
    assertTrue(configuration.outputBucket().isEmpty());
    assertTrue(configuration.destinationKeyId().isEmpty());
    assertTrue(configuration.allowedSourceKeyIds().isEmpty());
    assertEquals(OptionalLong.empty(), configuration.maxManifestBytes());
    assertFalse(configuration.allowLocalEngine());
  }

  @Test
  void read_unknownEngine_failsInOneLineNamingTheSetting() {
    String message = failure(Map.of("REENCRYPT_ENGINE", "vault"));

    assertTrue(message.startsWith("configuration: REENCRYPT_ENGINE must be one of"), message);
    assertTrue(message.contains("'vault'"), message);
    assertFalse(message.contains("\n"));
  }

  @Test
  void read_emptyPrefixWithoutOutputBucket_isRefused() {
    String message = failure(Map.of("OUTPUT_PREFIX", ""));

    assertTrue(message.contains("OUTPUT_PREFIX is empty and OUTPUT_BUCKET is unset"), message);
  }

  @Test
  void read_emptyPrefixWithOutputBucket_isAccepted() {
    Configuration configuration = read(Map.of("OUTPUT_PREFIX", "", "OUTPUT_BUCKET", "out"));

    assertEquals("", configuration.outputPrefix());
    assertEquals("out", configuration.outputBucket().orElseThrow());
  }

  @Test
  void read_workInsideTheOutputInTheEventsBucket_isRefused() {
    String message = failure(Map.of("WORK_PREFIX", "reencrypted/work/"));

    assertTrue(message.contains("overlap in the same bucket"), message);
  }

  @Test
  void read_oneBucketUnset_isLeftToTheEvent() {
    // An unset bucket is the event's: only an event can tell whether the two meet.
    Configuration configuration = read(Map.of("WORK_BUCKET", "bkt", "WORK_PREFIX", "reencrypted/"));

    assertEquals("reencrypted/", configuration.workPrefix());
  }

  @Test
  void read_overlappingPrefixesInTwoNamedBuckets_areAccepted() {
    Configuration configuration =
        read(Map.of("WORK_BUCKET", "work", "WORK_PREFIX", "reencrypted/", "OUTPUT_BUCKET", "out"));

    assertEquals("reencrypted/", configuration.workPrefix());
  }

  @Test
  void read_allowListsWithSpaces_areSplitAndTrimmed() {
    String a = "16c0b4dc-5b58-4b43-a72e-a0199f54a53e";
    String b = "f72de9ca-06ca-4779-822a-92af56660228";
    Configuration configuration = read(Map.of("ALLOWED_SOURCE_KEY_IDS", " " + a + " ,," + b + " "));

    assertEquals(Set.of(a, b), configuration.allowedSourceKeyIds());
  }

  @Test
  void read_malformedKeyIdInAllowList_isRefused() {
    String message = failure(Map.of("ALLOWED_DESTINATION_KEY_IDS", "alias/demo"));

    assertTrue(message.contains("ALLOWED_DESTINATION_KEY_IDS holds 'alias/demo'"), message);
  }

  @Test
  void read_malformedDestinationKey_isRefused() {
    assertTrue(failure(Map.of("DESTINATION_KEY_ID", "not-a-key")).contains("DESTINATION_KEY_ID"));
  }

  @Test
  void read_unknownAlgorithm_isRefused() {
    String message = failure(Map.of("DESTINATION_ENCRYPTION_ALGORITHM", "AES_GCM"));

    assertTrue(message.contains("DESTINATION_ENCRYPTION_ALGORITHM must be one of"), message);
  }

  @Test
  void read_maxManifestBytes_mustBePositive() {
    assertEquals(1024, read(Map.of("MAX_MANIFEST_BYTES", "1024")).maxManifestBytes().getAsLong());
    assertTrue(failure(Map.of("MAX_MANIFEST_BYTES", "0")).contains("MAX_MANIFEST_BYTES"));
    assertTrue(failure(Map.of("MAX_MANIFEST_BYTES", "lots")).contains("'lots'"));
  }

  @Test
  void read_allowLocalEngineNotBoolean_isRefused() {
    assertTrue(
        failure(Map.of("REENCRYPT_ALLOW_LOCAL_ENGINE", "yes"))
            .contains("REENCRYPT_ALLOW_LOCAL_ENGINE"));
  }

  @Test
  void read_blankValues_countAsUnset() {
    Configuration configuration = read(Map.of("REENCRYPT_ENGINE", " ", "DESTINATION_KEY_ID", ""));

    assertEquals("local", configuration.engine());
    assertTrue(configuration.destinationKeyId().isEmpty());
  }

  @Test
  void read_manifestConcurrency_isOneTo64() {
    assertEquals(8, read(Map.of()).manifestConcurrency());
    assertEquals(64, read(Map.of("MANIFEST_CONCURRENCY", "64")).manifestConcurrency());
    assertTrue(failure(Map.of("MANIFEST_CONCURRENCY", "0")).contains("MANIFEST_CONCURRENCY"));
    assertTrue(failure(Map.of("MANIFEST_CONCURRENCY", "65")).contains("'65'"));
    assertTrue(failure(Map.of("MANIFEST_CONCURRENCY", "many")).contains("'many'"));
  }
}
