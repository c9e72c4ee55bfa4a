package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.CiphertextKeyId;
import cloud.reencrypt.kms.local.crypto.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The framing of the local engine's symmetric ciphertexts, modelled on real KMS blobs so that a
 * tool reading the key ID out of a KMS ciphertext reads ours too. All offsets in bytes; {@code n}
 * is the payload length, total length {@code T = n + 77}:
 *
 * <pre>
 * offset     length  field
 * 0          2       version marker 0x02 0x00 (as on real KMS blobs)
 * 2          2       uint16 little-endian E = T - 36: the offset where the key ID ends
 * 4          1       kind: 0x01 data (GCM), 0x02 data key (GCM), 0x03 data key (CBC)
 * 5          n       payload:
 *                      GCM: nonce (12, random) ‖ ciphertext ‖ tag (16)
 *                      CBC: IV (16, random) ‖ CBC(DEK ‖ digest(DEK) ‖ zero padding)
 * E - 36     36      key ID, ASCII lower-case UUID
 * E          4       reserved, zero (always zero on real blobs too)
 * E + 4      32      SHA-256 over bytes [0, E + 4): an integrity checksum, not a MAC
 * </pre>
 *
 * <p>Only the framing is shared with KMS: the version marker, the offset at bytes 2–3, the key ID
 * at {@code [E - 36, E)} and the trailing SHA-256 (see the KMS notes, §7); lengths differ. {@link
 * CiphertextKeyId} reads that framing for callers outside the engine, {@link #parse} here. What
 * protects a ciphertext is the authenticated encryption in the payload: its additional data binds
 * bytes [0, 5) (version, end offset, kind), the key ID and the reserved field together with the
 * caller's AAD ({@link #authenticatedData}), so any change to the header, the kind or the key ID
 * fails decryption.
 */
public final class CiphertextBlob {
  /** What a blob holds and how it is encrypted. */
  public enum Kind {
    DATA(1),
    DATAKEY_GCM(2),
    DATAKEY_CBC(3);

    private final byte code;

    Kind(int code) {
      this.code = (byte) code;
    }

    public boolean datakey() {
      return this != DATA;
    }

    static Kind byCode(byte code) {
      for (Kind kind : values()) {
        if (kind.code == code) {
          return kind;
        }
      }
      return null;
    }
  }

  static final int HEADER_LENGTH = 5;
  private static final int KEY_ID_LENGTH = 36;
  private static final int RESERVED_LENGTH = 4;
  private static final int DIGEST_LENGTH = 32;
  private static final int TRAILER_LENGTH = CiphertextKeyId.TRAILER_LENGTH;
  private static final int MAX_TOTAL_LENGTH = CiphertextKeyId.MAX_TOTAL_LENGTH;
  private static final byte VERSION_0 = 0x02;
  private static final byte VERSION_1 = 0x00;

  private final byte[] bytes;
  private final Kind kind;
  private final String keyId;

  private CiphertextBlob(byte[] bytes, Kind kind, String keyId) {
    this.bytes = bytes;
    this.kind = kind;
    this.keyId = keyId;
  }

  /**
   * Reads one of our blobs: version, framing, kind, key ID and checksum all valid. Returns empty
   * otherwise; whether the payload decrypts is checked by whoever holds the key. The framing is
   * {@link CiphertextKeyId}'s, checked here without its regex and with this thread's SHA-256: a
   * manifest line parses a blob, and both were a tenth of a line's CPU.
   */
  public static Optional<CiphertextBlob> parse(byte[] bytes) {
    int total = bytes.length;
    if (total < HEADER_LENGTH + TRAILER_LENGTH
        || total > MAX_TOTAL_LENGTH
        || bytes[0] != VERSION_0
        || bytes[1] != VERSION_1) {
      return Optional.empty();
    }
    int end = CiphertextKeyId.keyIdEnd(total);
    Kind kind = Kind.byCode(bytes[4]);
    if (kind == null || ((bytes[2] & 0xff) | (bytes[3] & 0xff) << 8) != end) {
      return Optional.empty();
    }
    for (int i = end; i < end + RESERVED_LENGTH; i++) {
      if (bytes[i] != 0) {
        return Optional.empty();
      }
    }
    String keyId = new String(bytes, end - KEY_ID_LENGTH, KEY_ID_LENGTH, StandardCharsets.US_ASCII);
    if (!KeyIds.isValid(keyId) || !checksumMatches(bytes)) {
      return Optional.empty();
    }
    return Optional.of(new CiphertextBlob(bytes, kind, keyId));
  }

  private static boolean checksumMatches(byte[] bytes) {
    int digested = bytes.length - DIGEST_LENGTH;
    byte[] expected = Digests.sha256(bytes, digested);
    return Arrays.equals(expected, 0, DIGEST_LENGTH, bytes, digested, bytes.length);
  }

  /** Frames a payload given in parts: header, parts in order, key ID, reserved, checksum. */
  static byte[] assemble(Kind kind, String keyId, byte[]... payloadParts) {
    int payloadLength = 0;
    for (byte[] part : payloadParts) {
      payloadLength += part.length;
    }
    int total = HEADER_LENGTH + payloadLength + TRAILER_LENGTH;
    if (total > MAX_TOTAL_LENGTH) {
      throw new IllegalArgumentException("payload too long for a ciphertext blob");
    }
    byte[] out = new byte[total];
    writeHeader(out, kind, total);
    int at = HEADER_LENGTH;
    for (byte[] part : payloadParts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    for (int i = 0; i < KEY_ID_LENGTH; i++) {
      out[at + i] = (byte) keyId.charAt(i);
    }
    byte[] digest = Digests.sha256(out, total - DIGEST_LENGTH);
    System.arraycopy(digest, 0, out, total - DIGEST_LENGTH, DIGEST_LENGTH);
    return out;
  }

  /**
   * The additional authenticated data of a blob's payload: bytes [0, 5) of the blob, the key ID,
   * the reserved field, then the caller's AAD prefixed by its length (uint32 big-endian; absent AAD
   * and the empty string both have length 0, as KMS treats them alike).
   */
  static byte[] authenticatedData(Kind kind, String keyId, int payloadLength, byte[] callerAad) {
    int aadLength = callerAad == null ? 0 : callerAad.length;
    byte[] out = new byte[HEADER_LENGTH + KEY_ID_LENGTH + RESERVED_LENGTH + 4 + aadLength];
    writeHeader(out, kind, HEADER_LENGTH + payloadLength + TRAILER_LENGTH);
    int at = HEADER_LENGTH;
    for (int i = 0; i < KEY_ID_LENGTH; i++) {
      out[at + i] = (byte) keyId.charAt(i);
    }
    at += KEY_ID_LENGTH + RESERVED_LENGTH;
    out[at] = (byte) (aadLength >>> 24);
    out[at + 1] = (byte) (aadLength >>> 16);
    out[at + 2] = (byte) (aadLength >>> 8);
    out[at + 3] = (byte) aadLength;
    if (aadLength > 0) {
      System.arraycopy(callerAad, 0, out, at + 4, aadLength);
    }
    return out;
  }

  public Kind kind() {
    return kind;
  }

  public String keyId() {
    return keyId;
  }

  int payloadLength() {
    return bytes.length - HEADER_LENGTH - TRAILER_LENGTH;
  }

  /** A copy of payload bytes {@code [from, to)}. */
  byte[] payload(int from, int to) {
    return Arrays.copyOfRange(bytes, HEADER_LENGTH + from, HEADER_LENGTH + to);
  }

  /** This blob's additional authenticated data with the caller's AAD. */
  byte[] authenticatedData(byte[] callerAad) {
    return authenticatedData(kind, keyId, payloadLength(), callerAad);
  }

  private static void writeHeader(byte[] out, Kind kind, int total) {
    int end = CiphertextKeyId.keyIdEnd(total);
    out[0] = VERSION_0;
    out[1] = VERSION_1;
    out[2] = (byte) end;
    out[3] = (byte) (end >>> 8);
    out[4] = kind.code;
  }
}
