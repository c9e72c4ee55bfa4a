package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.local.crypto.BlockCipher;
import cloud.reencrypt.kms.local.crypto.Randomness;
import cloud.reencrypt.kms.local.crypto.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CBC-mode data keys, the layout KMS's CBC data-key ciphertexts are inferred to have: payload = IV
 * (16, random) ‖ CBC(DEK ‖ digest(DEK) ‖ zero padding to the block size), digest SHA-256 for AES
 * keys and SM3 for SM4 keys (32 bytes either way).
 *
 * <p>CBC authenticates nothing, so the DEK's length is not self-describing and the caller supplies
 * it ({@code datakey_cipher_length}); the digest is what tells a right key, length and AAD from a
 * wrong one. Without AAD the key encrypts directly; with AAD the CBC key is HMAC-SHA256(key,
 * "reencrypt/cbc-datakey/aad" ‖ AAD) cut to the key length, so a wrong AAD fails the digest check.
 * The header is bound by the blob checksum and by the key itself (another key ID means another
 * key).
 */
final class CbcDatakeys {
  private static final int BLOCK = BlockCipher.BLOCK_LENGTH;
  private static final int DIGEST = 32;
  private static final byte[] AAD_LABEL =
      "reencrypt/cbc-datakey/aad".getBytes(StandardCharsets.US_ASCII);

  private CbcDatakeys() {}

  static byte[] wrap(LocalKey key, byte[] datakey, byte[] aad) {
    KeyMaterial.Symmetric material = key.symmetric();
    byte[] cbcKey = cbcKey(material, aad);
    byte[] plain = new byte[paddedLength(datakey.length)];
    byte[] digest = key.spec().datakeyDigest(datakey);
    System.arraycopy(datakey, 0, plain, 0, datakey.length);
    System.arraycopy(digest, 0, plain, datakey.length, DIGEST);
    byte[] iv = Randomness.bytes(BLOCK);
    try {
      byte[] encrypted = material.cipher().cbcEncrypt(cbcKey, iv, plain);
      return CiphertextBlob.assemble(CiphertextBlob.Kind.DATAKEY_CBC, key.keyId(), iv, encrypted);
    } finally {
      Secrets.wipe(plain);
      wipeDerived(material, cbcKey);
    }
  }

  /**
   * The DEK of {@code claimedLength} bytes. KMS.2204 when the blob cannot hold a DEK of that length
   * or the digest verifies under another length; KMS.2203 when it verifies under none (wrong AAD, a
   * changed payload).
   */
  static byte[] unwrap(CiphertextBlob blob, LocalKey key, byte[] aad, int claimedLength) {
    int encryptedLength = blob.payloadLength() - BLOCK;
    if (encryptedLength < paddedLength(1) || encryptedLength % BLOCK != 0) {
      throw GcmSealer.undecryptable();
    }
    if (paddedLength(claimedLength) != encryptedLength) {
      throw lengthMismatch();
    }
    byte[] plain = decrypt(blob, key.symmetric(), aad, encryptedLength);
    try {
      if (verifies(key.spec(), plain, claimedLength)) {
        return Arrays.copyOf(plain, claimedLength);
      }
      for (int other = encryptedLength - DIGEST;
          other > encryptedLength - DIGEST - BLOCK;
          other--) {
        if (other != claimedLength && other > 0 && verifies(key.spec(), plain, other)) {
          throw lengthMismatch();
        }
      }
      throw KmsError.DATAKEY_CIPHER_HASH_MISMATCH.exception(
          "the data key's digest does not verify (wrong additional_authenticated_data or a"
              + " damaged ciphertext)");
    } finally {
      Secrets.wipe(plain);
    }
  }

  private static byte[] decrypt(
      CiphertextBlob blob, KeyMaterial.Symmetric material, byte[] aad, int encryptedLength) {
    byte[] cbcKey = cbcKey(material, aad);
    try {
      return material
          .cipher()
          .cbcDecrypt(cbcKey, blob.payload(0, BLOCK), blob.payload(BLOCK, BLOCK + encryptedLength));
    } catch (GeneralSecurityException e) {
      throw GcmSealer.undecryptable();
    } finally {
      wipeDerived(material, cbcKey);
    }
  }

  private static boolean verifies(KeySpec spec, byte[] plain, int length) {
    byte[] candidate = Arrays.copyOf(plain, length);
    byte[] digest = spec.datakeyDigest(candidate);
    Secrets.wipe(candidate);
    boolean match =
        MessageDigest.isEqual(digest, Arrays.copyOfRange(plain, length, length + DIGEST));
    for (int i = length + DIGEST; i < plain.length; i++) {
      match &= plain[i] == 0;
    }
    return match;
  }

  private static int paddedLength(int datakeyLength) {
    return (datakeyLength + DIGEST + BLOCK - 1) / BLOCK * BLOCK;
  }

  private static byte[] cbcKey(KeyMaterial.Symmetric material, byte[] aad) {
    if (aad == null || aad.length == 0) {
      return material.key();
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(material.key(), "HmacSHA256"));
      mac.update(AAD_LABEL);
      byte[] derived = mac.doFinal(aad);
      byte[] key = Arrays.copyOf(derived, material.key().length);
      Secrets.wipe(derived);
      return key;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }

  private static void wipeDerived(KeyMaterial.Symmetric material, byte[] cbcKey) {
    if (cbcKey != material.key()) {
      Secrets.wipe(cbcKey);
    }
  }

  private static KmsException lengthMismatch() {
    return KmsError.DATAKEY_CIPHER_LENGTH_MISMATCH.exception(
        "datakey_cipher_length does not match the data key in cipher_text");
  }
}
