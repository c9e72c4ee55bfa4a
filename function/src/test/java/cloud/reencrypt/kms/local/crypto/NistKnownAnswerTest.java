package cloud.reencrypt.kms.local.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** NIST examples for the AES-CBC path and SHA-256 (AES-GCM and RSA-OAEP: Wycheproof). */
class NistKnownAnswerTest {
  private static final HexFormat HEX = HexFormat.of();

  /** SP 800-38A F.2.5 (CBC-AES256.Encrypt) and F.2.6 (Decrypt). */
  @Test
  void aesCbc_sp80038aCbcAes256_matchesCiphertext() throws Exception {
    byte[] key = HEX.parseHex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
    byte[] iv = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    byte[] plaintext =
        HEX.parseHex(
            "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                + "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
    String ciphertext =
        "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"
            + "39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b";
    assertEquals(ciphertext, HEX.formatHex(BlockCipher.AES.cbcEncrypt(key, iv, plaintext)));
    assertArrayEquals(plaintext, BlockCipher.AES.cbcDecrypt(key, iv, HEX.parseHex(ciphertext)));
  }

  /** FIPS 180-4 example "abc" (NIST CSRC examples, SHA256.pdf). */
  @Test
  void sha256_fips180Abc_matchesDigest() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HEX.formatHex(Digests.sha256("abc".getBytes(StandardCharsets.US_ASCII))));
  }
}
