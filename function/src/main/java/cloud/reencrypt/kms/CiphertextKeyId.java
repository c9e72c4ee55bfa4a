package cloud.reencrypt.kms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key ID in KMS's public framing of a symmetric ciphertext, read without decrypting. Real KMS
 * blobs and the local engine's share this framing; lengths differ. Offsets in bytes, total length
 * {@code T}:
 *
 * <pre>
 * offset     length  field
 * 0          2       version marker
 * 2          2       uint16 little-endian E = T - 36: the offset where the key ID ends
 * E - 36     36      key ID, ASCII lower-case UUID
 * E          4       reserved
 * E + 4      32      SHA-256 over bytes [0, E + 4): an integrity checksum, not a MAC
 * </pre>
 *
 * <p>Asymmetric ciphertexts carry no key ID. Whether a blob decrypts, and which version and kind it
 * has, is for the engine holding the key.
 */
public final class CiphertextKeyId {
  /** The length of the key ID, the reserved field and the checksum after the payload. */
  public static final int TRAILER_LENGTH = 36 + 4 + 32;

  /** The longest framed blob: E is a uint16. */
  public static final int MAX_TOTAL_LENGTH = 0xffff + 36;

  private static final int KEY_ID_LENGTH = 36;
  private static final int DIGEST_LENGTH = 32;
  private static final Pattern KEY_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");

  private CiphertextKeyId() {}

  /**
   * The key ID of a ciphertext as KMS writes it, hex (data keys) or base64 (data); empty when the
   * text is not a framed ciphertext.
   */
  public static Optional<String> of(String cipherText) {
    if (cipherText == null || cipherText.isEmpty() || cipherText.length() > 2 * MAX_TOTAL_LENGTH) {
      return Optional.empty();
    }
    if (HEX.matcher(cipherText).matches()) {
      Optional<String> keyId = of(HexFormat.of().parseHex(cipherText));
      if (keyId.isPresent()) {
        return keyId;
      }
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(cipherText);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    // Canonical base64 only: padded, and zero in the bits the padding leaves over.
    if (!Base64.getEncoder().encodeToString(decoded).equals(cipherText)) {
      return Optional.empty();
    }
    return of(decoded);
  }

  /** The key ID if the bytes have KMS's framing and a matching checksum; empty otherwise. */
  public static Optional<String> of(byte[] blob) {
    int total = blob.length;
    if (total < TRAILER_LENGTH + 4 || total > MAX_TOTAL_LENGTH) {
      return Optional.empty();
    }
    int end = (blob[2] & 0xff) | (blob[3] & 0xff) << 8;
    if (end != keyIdEnd(total)) {
      return Optional.empty();
    }
    String keyId = new String(blob, end - KEY_ID_LENGTH, KEY_ID_LENGTH, StandardCharsets.US_ASCII);
    if (!KEY_ID.matcher(keyId).matches()) {
      return Optional.empty();
    }
    byte[] expected = checksum(blob, total - DIGEST_LENGTH);
    for (int i = 0; i < DIGEST_LENGTH; i++) {
      if (expected[i] != blob[total - DIGEST_LENGTH + i]) {
        return Optional.empty();
      }
    }
    return Optional.of(keyId);
  }

  /** E = T - 36: where the key ID ends, the value stored at bytes 2–3. */
  public static int keyIdEnd(int total) {
    return total - 4 - DIGEST_LENGTH;
  }

  /** SHA-256 over bytes {@code [0, length)}: the framing's checksum. */
  public static byte[] checksum(byte[] bytes, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, 0, length);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
