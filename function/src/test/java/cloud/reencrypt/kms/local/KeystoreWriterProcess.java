package cloud.reencrypt.kms.local;

import java.nio.file.Path;

/**
 * A separate process for {@link KeystoreConcurrencyTest}: creates keys in a keystore and
 * re-encrypts under them, printing each new key ID on its own line.
 *
 * <p>Arguments: keystore path, alias prefix, number of keys.
 */
public final class KeystoreWriterProcess {
  private KeystoreWriterProcess() {}

  public static void main(String[] args) {
    LocalKmsEngine engine = TestKeystores.engine(Path.of(args[0]));
    int count = Integer.parseInt(args[2]);
    for (int i = 0; i < count; i++) {
      String keyId = KeystoreWorkload.createAndUse(engine, args[1] + "-" + i);
      System.out.println(keyId);
    }
  }
}
