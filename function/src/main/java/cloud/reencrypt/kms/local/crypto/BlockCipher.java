package cloud.reencrypt.kms.local.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import javax.crypto.IllegalBlockSizeException;

/**
 * The block ciphers of the symmetric key specs, in the two modes the engine uses: GCM for
 * ciphertexts (12-byte nonce, 16-byte tag appended) and unpadded CBC for KMS's CBC-wrapped data
 * keys. AES runs on the JDK (hardware AES where the CPU has it); SM4 on Bouncy Castle's lightweight
 * engine, with no provider registered. AES-GCM reuses a cipher per thread and key, other modes make
 * one per call, so every method is safe to call from any thread.
 *
 * <p>Encryption rejects a wrong key, nonce or IV length with {@link IllegalArgumentException} (a
 * programming error); decryption reports every failure, including those, as {@link
 * GeneralSecurityException}.
 */
public enum BlockCipher {
  /** AES; the KMS key spec {@code AES_256} uses 32-byte keys, 16- and 24-byte keys also work. */
  AES(32),
  /** SM4 (GB/T 32907), 16-byte keys. */
  SM4(16);

  /** GCM nonce length in bytes: the only one accepted. */
  public static final int GCM_NONCE_LENGTH = 12;

  /** GCM tag length in bytes, appended to the ciphertext. */
  public static final int GCM_TAG_LENGTH = 16;

  /** Block length of both ciphers, hence the CBC IV length. */
  public static final int BLOCK_LENGTH = 16;

  private final int keyLength;
  private volatile BlockModes modes;

  BlockCipher(int keyLength) {
    this.keyLength = keyLength;
  }

  /**
   * Made on first use, so that AES-only work never loads Bouncy Castle. Both implementations are
   * stateless: a second one made by a racing thread is harmless.
   */
  private BlockModes modes() {
    BlockModes current = modes;
    if (current == null) {
      current = this == AES ? new JdkAesModes() : new BcSm4Modes();
      modes = current;
    }
    return current;
  }

  /** The key length in bytes of this cipher's KMS key spec. */
  public int keyLength() {
    return keyLength;
  }

  /** GCM, 12-byte nonce, 16-byte tag; returns ciphertext || tag. A null AAD means none. */
  public byte[] gcmEncrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] aad) {
    try {
      checkKeyAndLength(key, nonce, GCM_NONCE_LENGTH, "nonce");
      return modes().gcm(true, key, nonce, plaintext, aad);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Decrypts and authenticates ciphertext || tag.
   *
   * @throws GeneralSecurityException when the tag fails ({@link javax.crypto.AEADBadTagException}),
   *     the input is shorter than a tag, or the key or nonce has the wrong length
   */
  public byte[] gcmDecrypt(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] aad)
      throws GeneralSecurityException {
    checkKeyAndLength(key, nonce, GCM_NONCE_LENGTH, "nonce");
    if (ciphertextAndTag.length < GCM_TAG_LENGTH) {
      // JDK 17's AES-GCM throws ProviderException (unchecked) for input shorter than the tag.
      throw new AEADBadTagException("GCM input shorter than its tag");
    }
    return modes().gcm(false, key, nonce, ciphertextAndTag, aad);
  }

  /** CBC without padding; the input length must be a multiple of 16. */
  public byte[] cbcEncrypt(byte[] key, byte[] iv, byte[] plaintext) {
    try {
      checkKeyAndLength(key, iv, BLOCK_LENGTH, "IV");
      checkWholeBlocks(plaintext);
      return modes().cbc(true, key, iv, plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * CBC without padding.
   *
   * @throws GeneralSecurityException when the input is not whole blocks or the key or IV has the
   *     wrong length
   */
  public byte[] cbcDecrypt(byte[] key, byte[] iv, byte[] ciphertext)
      throws GeneralSecurityException {
    checkKeyAndLength(key, iv, BLOCK_LENGTH, "IV");
    checkWholeBlocks(ciphertext);
    return modes().cbc(false, key, iv, ciphertext);
  }

  private void checkKeyAndLength(byte[] key, byte[] parameter, int length, String name)
      throws GeneralSecurityException {
    if (key == null || !acceptsKeyLength(key.length)) {
      throw new InvalidKeyException(name() + " key has the wrong length");
    }
    if (parameter == null || parameter.length != length) {
      throw new InvalidAlgorithmParameterException(name + " must be " + length + " bytes");
    }
  }

  private boolean acceptsKeyLength(int length) {
    return this == AES ? length == 16 || length == 24 || length == 32 : length == keyLength;
  }

  private static void checkWholeBlocks(byte[] input) throws IllegalBlockSizeException {
    if (input.length % BLOCK_LENGTH != 0) {
      throw new IllegalBlockSizeException("CBC input must be a multiple of 16 bytes");
    }
  }
}
