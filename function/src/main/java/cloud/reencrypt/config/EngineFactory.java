package cloud.reencrypt.config;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.local.DemoKeys;
import cloud.reencrypt.kms.local.LocalKmsEngine;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Builds the engine {@code REENCRYPT_ENGINE} names: {@code local}, the bundled engine on {@code
 * REENCRYPT_KEYSTORE}; {@code kms}, Huawei Cloud KMS through the SDK ({@link #cloudEngine}, the one
 * place it is wired in).
 *
 * <p>Inside FunctionGraph the local engine runs only when {@code REENCRYPT_ALLOW_LOCAL_ENGINE=true}
 * is set explicitly, and never on the public demo keystore, whose keys anyone can read.
 */
public final class EngineFactory {
  private EngineFactory() {}

  /**
   * The engine for a configuration.
   *
   * @throws ConfigurationException when the engine cannot run with this configuration
   */
  public static Choice create(Configuration configuration) {
    return switch (configuration.engine()) {
      case "kms" -> new Choice(cloudEngine(configuration), Optional.empty());
      default -> localEngine(configuration);
    };
  }

  private static Choice localEngine(Configuration configuration) {
    if (configuration.inFunctionGraph() && !configuration.allowLocalEngine()) {
      throw new ConfigurationException(
          "REENCRYPT_ENGINE=local inside FunctionGraph needs REENCRYPT_ALLOW_LOCAL_ENGINE=true;"
              + " use REENCRYPT_ENGINE=kms for Huawei Cloud KMS");
    }
    if (!Files.isRegularFile(configuration.keystore())) {
      throw new ConfigurationException(
          "REENCRYPT_KEYSTORE '"
              + configuration.keystore()
              + "' does not exist (run from the"
              + " repository root for the demo keystore events/keystore.json)");
    }
    LocalKmsEngine engine;
    try {
      engine = LocalKmsEngine.open(configuration.keystore());
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          "REENCRYPT_KEYSTORE '"
              + configuration.keystore()
              + "' cannot be used: "
              + e.getMessage());
    }
    boolean demo = engine.keystore().isPublicDemo();
    if (demo && configuration.inFunctionGraph()) {
      throw new ConfigurationException(
          "REENCRYPT_KEYSTORE is the public demo keystore, whose keys anyone can read; it never"
              + " runs inside FunctionGraph");
    }
    return new Choice(engine, demo ? Optional.of(DemoKeys.AES_256) : Optional.empty());
  }

  /**
   * The Huawei Cloud KMS engine. Wire the cloud engine ({@code cloud.reencrypt.kms.cloud}) in here.
   */
  private static KmsEngine cloudEngine(Configuration configuration) {
    throw new ConfigurationException(
        "REENCRYPT_ENGINE=kms: the Huawei Cloud KMS engine is not part of this build yet; use"
            + " REENCRYPT_ENGINE=local");
  }

  /**
   * An engine and what goes with it.
   *
   * @param defaultDestinationKeyId the destination key when {@code DESTINATION_KEY_ID} is unset:
   *     the demo AES_256 key on the public demo keystore, so the quick start needs no
   *     configuration; otherwise none
   */
  public record Choice(KmsEngine engine, Optional<String> defaultDestinationKeyId) {}
}
