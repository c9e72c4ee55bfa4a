package cloud.reencrypt.wiring;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.service.ObjectSettings;

/** The object use case's settings from the function's configuration. */
public final class ObjectSettingsOf {
  private ObjectSettingsOf() {}

  /**
   * @param destination the destination key: {@code DESTINATION_KEY_ID} or what stands for it
   */
  public static ObjectSettings configuration(Configuration configuration, String destination) {
    return new ObjectSettings(
        configuration.outputBucket(),
        configuration.outputPrefix(),
        destination,
        configuration.destinationEncryptionAlgorithm(),
        configuration.maxManifestBytes(),
        configuration.manifestConcurrency(),
        configuration.workBucket(),
        configuration.workPrefix(),
        configuration.partBytes(),
        configuration.fanoutBytes());
  }
}
