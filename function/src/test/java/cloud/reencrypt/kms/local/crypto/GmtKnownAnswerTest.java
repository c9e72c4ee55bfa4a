package cloud.reencrypt.kms.local.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published examples of the Chinese standards, run through our public paths. */
class GmtKnownAnswerTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SM4_KEY = HEX.parseHex("0123456789abcdeffedcba9876543210");

  /** GB/T 32907-2016 example 1 is one ECB block; one CBC block under a zero IV is the same. */
  @Test
  void sm4Cbc_gbt32907Example1OneBlockZeroIv_equalsEcbCiphertext() throws Exception {
    byte[] expected = HEX.parseHex("681edf34d206965e86b3e94f536e4246");
    assertArrayEquals(expected, BlockCipher.SM4.cbcEncrypt(SM4_KEY, new byte[16], SM4_KEY));
    assertArrayEquals(SM4_KEY, BlockCipher.SM4.cbcDecrypt(SM4_KEY, new byte[16], expected));
  }

  /** draft-ribose-cfrg-sm4 Appendix A.2.2.1 and A.2.2.2 (two-block CBC). */
  @ParameterizedTest
  @CsvSource({
    "0123456789abcdeffedcba9876543210,"
        + " 78ebb11cc40b0a48312aaeb2040244cb4cb7016951909226979b0d15dc6a8f6d",
    "fedcba98765432100123456789abcdef,"
        + " 0d3a6ddc2d21c698857215587b7bb59a91f2c147911a4144665e1fa1d40bae38"
  })
  void sm4Cbc_riboseDraftExamples_matchCiphertext(String key, String ciphertext) throws Exception {
    byte[] iv = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    byte[] plaintext =
        HEX.parseHex("aaaaaaaabbbbbbbbccccccccddddddddeeeeeeeeffffffffaaaaaaaabbbbbbbb");
    byte[] k = HEX.parseHex(key);
    assertEquals(ciphertext, HEX.formatHex(BlockCipher.SM4.cbcEncrypt(k, iv, plaintext)));
    assertArrayEquals(plaintext, BlockCipher.SM4.cbcDecrypt(k, iv, HEX.parseHex(ciphertext)));
  }

  /** RFC 8998 Appendix A.1, SM4-GCM. */
  @Test
  void sm4Gcm_rfc8998Example_matchesCiphertextAndTag() throws Exception {
    byte[] nonce = HEX.parseHex("00001234567800000000abcd");
    byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    byte[] plaintext =
        HEX.parseHex(
            "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");
    String sealed =
        "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
            + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
            + "83de3541e4c2b58177e065a9bf7b62ec";
    assertEquals(sealed, HEX.formatHex(BlockCipher.SM4.gcmEncrypt(SM4_KEY, nonce, plaintext, aad)));
    assertArrayEquals(
        plaintext, BlockCipher.SM4.gcmDecrypt(SM4_KEY, nonce, HEX.parseHex(sealed), aad));
  }

  /** GB/T 32905-2016 Appendix A, examples 1 and 2. */
  @ParameterizedTest
  @CsvSource({
    "abc, 66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
    "abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd,"
        + " debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
  })
  void sm3_gbt32905Examples_matchDigest(String message, String digest) {
    assertEquals(digest, HEX.formatHex(Digests.sm3(message.getBytes(StandardCharsets.US_ASCII))));
  }

  /**
   * GM/T 0003.5-2012 encryption example on sm2p256v1 (d, k, "encryption standard"), in the GM/T
   * 0009 DER form; the same vector is OpenSSL's {@code sm2_internal_test}.
   */
  @Test
  void sm2_gmt0003Example_encryptsToPublishedCiphertextAndDecryptsBack() throws Exception {
    Sm2PrivateKey key =
        new Sm2PrivateKey(
            new BigInteger("3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8", 16));
    byte[] k = HEX.parseHex("59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21");
    byte[] message = "encryption standard".getBytes(StandardCharsets.US_ASCII);
    String der =
        "307c022004ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73"
            + "022100e858f9d81e5430a57b36daab8f950a3c64e6ee6a63094d99283aff767e124df0"
            + "042059983c18f809e262923c53aec295d30383b54e39d609d160afcb1908d0bd8766"
            + "041321886ca989ca9c7d58087307ca93092d651efa";

    assertEquals(der, HEX.formatHex(Sm2.encrypt(key.publicKey(), message, new FixedRandom(k))));
    assertArrayEquals(message, Sm2.decrypt(key, HEX.parseHex(der)));
  }

  @Test
  void sm2PublicKey_gmt0003ExampleKey_isPublishedPoint() {
    Sm2PrivateKey key =
        new Sm2PrivateKey(
            new BigInteger("3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8", 16));
    String point =
        "04"
            + "09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020"
            + "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13";
    assertTrue(HEX.formatHex(key.publicKey().toX509Der()).endsWith(point));
  }
}
