package cloud.reencrypt.wiring;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.config.ConfigurationException;
import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.config.Setting;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.cloud.CloudKmsConfig;
import cloud.reencrypt.kms.cloud.CloudKmsEngine;
import cloud.reencrypt.kms.local.DemoKeys;
import cloud.reencrypt.kms.local.LocalKmsEngine;
import java.nio.file.Files;
import java.nio.file.Path;
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
    return create(configuration, Optional.empty(), null);
  }

  /**
   * The engine for a configuration, with what the FunctionGraph context offers the KMS engine.
   *
   * @param agencyKey the agency's temporary credentials from the context, if any
   * @param contextProjectId the context's project ID, or null
   * @throws ConfigurationException when the engine cannot run with this configuration
   */
  public static Choice create(
      Configuration configuration, Optional<Credentials> agencyKey, String contextProjectId) {
    return switch (configuration.engine()) {
      case "kms" ->
          new Choice(cloudEngine(configuration, agencyKey, contextProjectId), Optional.empty());
      default -> localEngine(configuration);
    };
  }

  private static Choice localEngine(Configuration configuration) {
    if (configuration.inFunctionGraph() && !configuration.allowLocalEngine()) {
      throw new ConfigurationException(
          "REENCRYPT_ENGINE=local inside FunctionGraph needs REENCRYPT_ALLOW_LOCAL_ENGINE=true;"
              + " use REENCRYPT_ENGINE=kms for Huawei Cloud KMS");
    }
    LocalKmsEngine engine = openKeystore(configuration);
    boolean demo = engine.keystore().isPublicDemo();
    if (demo && configuration.inFunctionGraph()) {
      throw new ConfigurationException(
          "REENCRYPT_KEYSTORE is the public demo keystore, whose keys anyone can read; it never"
              + " runs inside FunctionGraph");
    }
    return new Choice(engine, demo ? Optional.of(DemoKeys.AES_256) : Optional.empty());
  }

  /**
   * Fails unless the keystore file exists, in one line naming it. The default path is relative, so
   * only for it is the likely cause that the tool runs outside the repository root.
   *
   * @param named how the path was given: {@code REENCRYPT_KEYSTORE}, {@code --keystore}
   * @throws ConfigurationException when there is no such file
   */
  public static void requireKeystore(Path keystore, String named) {
    if (!Files.isRegularFile(keystore)) {
      throw new ConfigurationException(
          named
              + " '"
              + keystore
              + "' does not exist"
              + (isDefaultKeystore(keystore)
                  ? " (run from the repository root for the demo keystore events/keystore.json)"
                  : ""));
    }
  }

  /** Whether the path is the default {@code REENCRYPT_KEYSTORE}, the public demo keystore's. */
  public static boolean isDefaultKeystore(Path keystore) {
    return keystore.equals(Path.of(Setting.REENCRYPT_KEYSTORE.defaultValue()));
  }

  private static LocalKmsEngine openKeystore(Configuration configuration) {
    requireKeystore(configuration.keystore(), Setting.REENCRYPT_KEYSTORE.name());
    try {
      return LocalKmsEngine.open(configuration.keystore());
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          "REENCRYPT_KEYSTORE '"
              + configuration.keystore()
              + "' cannot be used: "
              + e.getMessage());
    }
  }

  /** Whether {@link #warmUp} has work for the engine of this name ({@code REENCRYPT_ENGINE}). */
  public static boolean hasWarmUp(String engine) {
    return "kms".equals(engine);
  }

  /**
   * Loads and readies, without I/O and before any engine exists, what the named engine's first
   * request needs; for the KMS engine, the SDK's classes and its answer mapping.
   */
  public static void warmUp(String engine) {
    if (hasWarmUp(engine)) {
      CloudKmsEngine.warmUpSdk();
    }
  }

  /** The Huawei Cloud KMS engine ({@link CloudKmsConfig} reads its settings). */
  private static KmsEngine cloudEngine(
      Configuration configuration, Optional<Credentials> agencyKey, String contextProjectId) {
    try {
      return CloudKmsEngine.create(
          CloudKmsConfig.fromConfig(
              name -> configuration.value(Setting.valueOf(name)).orElse(null),
              agencyKey,
              contextProjectId));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
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
