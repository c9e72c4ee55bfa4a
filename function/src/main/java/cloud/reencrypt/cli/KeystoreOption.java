package cloud.reencrypt.cli;

import cloud.reencrypt.config.Setting;
import cloud.reencrypt.wiring.EngineFactory;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The keystore {@code kms} and {@code serve} work on: {@code --keystore}, else {@code
 * REENCRYPT_KEYSTORE}, else the default (the public demo keystore), with the name the user gave it
 * by, for messages.
 *
 * @param named {@code --keystore} or {@code REENCRYPT_KEYSTORE}
 */
record KeystoreOption(Path path, String named) {
  static final String NAME = "--keystore";

  static KeystoreOption of(Optional<String> option, UnaryOperator<String> environment) {
    if (option.isPresent()) {
      return new KeystoreOption(Path.of(option.get()), NAME);
    }
    String configured = environment.apply(Setting.REENCRYPT_KEYSTORE.name());
    return new KeystoreOption(
        Path.of(
            configured == null || configured.isEmpty()
                ? Setting.REENCRYPT_KEYSTORE.defaultValue()
                : configured),
        Setting.REENCRYPT_KEYSTORE.name());
  }

  /** Whether it is the default path, the committed demo keystore's. */
  boolean isDefault() {
    return EngineFactory.isDefaultKeystore(path);
  }

  /** Fails in one line naming the file when it does not exist ({@link EngineFactory}'s check). */
  void requireExisting() {
    EngineFactory.requireKeystore(path, named);
  }

  /**
   * A keystore failure's message with the file it is about. The engine leaves the path out of its
   * messages, which reach the servers' HTTP clients; the user here chose the file.
   */
  String naming(String message) {
    return message + " (keystore file " + path.toAbsolutePath().normalize() + ")";
  }
}
