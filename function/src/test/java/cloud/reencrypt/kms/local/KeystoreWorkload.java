package cloud.reencrypt.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The work each concurrent writer does: create a key, then re-encrypt into and out of it. */
final class KeystoreWorkload {
  private KeystoreWorkload() {}

  /** Creates an SM4 key named {@code alias}, round-trips a data key through it; its ID. */
  static String createAndUse(LocalKmsEngine engine, String alias) {
    String keyId = engine.createKey(Requests.createKey(alias, "SM4")).keyInfo().keyId();
    var created = engine.createDatakey(Requests.createDatakey(DemoKeys.AES_256, null, null));
    String underNew =
        engine.reEncrypt(Requests.reEncrypt(created.cipherText(), null, keyId)).cipherText();
    String back =
        engine.reEncrypt(Requests.reEncrypt(underNew, keyId, DemoKeys.AES_256)).cipherText();
    String datakey =
        engine
            .decryptDatakey(Requests.decryptDatakey(DemoKeys.AES_256, back, "32", null))
            .dataKey();
    assertEquals(created.plainText(), datakey);
    return keyId;
  }
}
