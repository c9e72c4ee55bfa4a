package cloud.reencrypt.config;

/**
 * A configuration the function cannot start with. The message is one line that names the setting
 * and what is wrong with it; it never repeats a secret value.
 */
public final class ConfigurationException extends RuntimeException {
  public ConfigurationException(String message) {
    super("configuration: " + message, null, false, false);
  }
}
