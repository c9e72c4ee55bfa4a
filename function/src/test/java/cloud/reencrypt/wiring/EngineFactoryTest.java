package cloud.reencrypt.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.config.ConfigurationException;
import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.kms.cloud.CloudKmsEngine;
import cloud.reencrypt.kms.local.DemoKeys;
import cloud.reencrypt.kms.local.LocalKmsEngine;
import cloud.reencrypt.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineFactoryTest {
  private static final String DEMO = RepoPaths.demoKeystore().toString();

  @TempDir Path dir;

  private static Configuration configuration(Map<String, String> values, boolean inFunctionGraph) {
    return Configuration.read(values::get, inFunctionGraph);
  }

  /** A keystore of one fresh AES key: not the demo. */
  private Path ownKeystore() throws Exception {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    Path file = dir.resolve("keystore.json");
    Files.writeString(
        file,
        "{\"project_id\":\"0123456789abcdef0123456789abcdef\",\"credentials\":[],\"auth_tokens\":[],"
            + "\"keys\":[{\"key_id\":\"3f7c1f52-3a8e-4bb7-9d7c-2a57c1f0e001\",\"key_alias\":\"own\","
            + "\"key_spec\":\"AES_256\",\"key_usage\":\"ENCRYPT_DECRYPT\",\"key_state\":\"2\","
            + "\"key_material\":\""
            + Base64.getEncoder().encodeToString(key)
            + "\"}]}");
    return file;
  }

  @Test
  void create_localOnDemoKeystoreOffFunctionGraph_runsWithTheDemoDestination() {
    EngineFactory.Choice choice =
        EngineFactory.create(configuration(Map.of("REENCRYPT_KEYSTORE", DEMO), false));

    assertInstanceOf(LocalKmsEngine.class, choice.engine());
    assertEquals(Optional.of(DemoKeys.AES_256), choice.defaultDestinationKeyId());
  }

  @Test
  void create_localInsideFunctionGraphWithoutOptIn_isRefused() throws Exception {
    Map<String, String> values = Map.of("REENCRYPT_KEYSTORE", ownKeystore().toString());

    String message =
        assertThrows(
                ConfigurationException.class,
                () -> EngineFactory.create(configuration(values, true)))
            .getMessage();

    assertTrue(message.contains("REENCRYPT_ALLOW_LOCAL_ENGINE=true"), message);
  }

  @Test
  void create_localInsideFunctionGraphOnDemoKeys_isRefusedEvenWithOptIn() {
    Map<String, String> values =
        Map.of("REENCRYPT_KEYSTORE", DEMO, "REENCRYPT_ALLOW_LOCAL_ENGINE", "true");

    String message =
        assertThrows(
                ConfigurationException.class,
                () -> EngineFactory.create(configuration(values, true)))
            .getMessage();

    assertTrue(message.contains("public demo keystore"), message);
  }

  @Test
  void create_localInsideFunctionGraphWithOptInOnOwnKeystore_runsWithoutDefaultDestination()
      throws Exception {
    Map<String, String> values =
        Map.of(
            "REENCRYPT_KEYSTORE", ownKeystore().toString(), "REENCRYPT_ALLOW_LOCAL_ENGINE", "true");

    EngineFactory.Choice choice = EngineFactory.create(configuration(values, true));

    assertTrue(choice.defaultDestinationKeyId().isEmpty());
  }

  @Test
  void create_missingKeystore_failsWithOneLineNamingTheFile() {
    Map<String, String> values = Map.of("REENCRYPT_KEYSTORE", dir.resolve("none.json").toString());

    String message =
        assertThrows(
                ConfigurationException.class,
                () -> EngineFactory.create(configuration(values, false)))
            .getMessage();

    assertTrue(message.contains("none.json"), message);
    assertFalse(message.contains("\n"));
  }

  @Test
  void create_missingCustomKeystore_givesNoRepositoryRootHint() {
    Map<String, String> values = Map.of("REENCRYPT_KEYSTORE", dir.resolve("mine.json").toString());

    String message =
        assertThrows(
                ConfigurationException.class,
                () -> EngineFactory.create(configuration(values, false)))
            .getMessage();

    assertTrue(message.contains("does not exist"), message);
    assertFalse(message.contains("repository root"), message);
  }

  @Test
  void create_missingDefaultKeystore_hintsAtTheRepositoryRoot() {
    assumeFalse(Files.exists(Path.of("events/keystore.json")), "the tests run in function/");

    String message =
        assertThrows(
                ConfigurationException.class,
                () -> EngineFactory.create(configuration(Map.of(), false)))
            .getMessage();

    assertTrue(message.contains("run from the repository root"), message);
  }

  @Test
  void create_kmsWithAgencyKeyAndRegion_buildsTheCloudEngineWithoutDefaultDestination() {
    EngineFactory.Choice choice =
        EngineFactory.create(
            configuration(Map.of("REENCRYPT_ENGINE", "kms", "REGION", "cn-north-4"), true),
            Optional.of(new Credentials("AKAGENCY", "SKAGENCY", "TOKEN")),
            "0123456789abcdef0123456789abcdef");

    assertInstanceOf(CloudKmsEngine.class, choice.engine());
    assertTrue(choice.defaultDestinationKeyId().isEmpty());
  }

  @Test
  void create_kmsWithoutEndpointOrRegion_failsWithOneLineNamingThem() {
    String message =
        assertThrows(
                ConfigurationException.class,
                () ->
                    EngineFactory.create(
                        configuration(Map.of("REENCRYPT_ENGINE", "kms"), true),
                        Optional.of(new Credentials("AKAGENCY", "SKAGENCY", null)),
                        "0123456789abcdef0123456789abcdef"))
            .getMessage();

    assertTrue(message.contains("KMS_ENDPOINT or REGION"), message);
    assertFalse(message.contains("\n"));
  }
}
