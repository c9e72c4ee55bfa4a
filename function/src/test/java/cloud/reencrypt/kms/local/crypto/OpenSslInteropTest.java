package cloud.reencrypt.kms.local.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ciphertexts and keys cross the boundary to the {@code openssl} binary both ways: OpenSSL encrypts
 * with a public key and we decrypt, we encrypt and OpenSSL decrypts, each side reading the other's
 * PKCS#8 and SubjectPublicKeyInfo DER.
 */
class OpenSslInteropTest {
  @TempDir Path dir;

  @BeforeEach
  void requireOpenSsl() {
    OpenSsl.assumeAvailable(dir);
  }

  @ParameterizedTest
  @EnumSource(OaepHash.class)
  void rsaOaep_opensslKeyAndCiphertext_decryptWithOurs(OaepHash hash) throws Exception {
    OpenSsl.run(
        dir,
        "genpkey",
        "-algorithm",
        "RSA",
        "-pkeyopt",
        "rsa_keygen_bits:2048",
        "-outform",
        "DER",
        "-out",
        "key.der");
    RSAPrivateCrtKey key = RsaKeys.parsePkcs8(Files.readAllBytes(dir.resolve("key.der")));
    OpenSsl.run(dir, "pkey", "-inform", "DER", "-in", "key.der", "-pubout", "-out", "pub.pem");
    byte[] message = write("msg.bin", Randomness.bytes(32));

    OpenSsl.run(
        dir,
        oaep(
            hash,
            "pkeyutl",
            "-encrypt",
            "-pubin",
            "-inkey",
            "pub.pem",
            "-in",
            "msg.bin",
            "-out",
            "ct.bin"));

    assertArrayEquals(
        message, RsaOaep.decrypt(key, hash, Files.readAllBytes(dir.resolve("ct.bin"))));
  }

  @ParameterizedTest
  @EnumSource(OaepHash.class)
  void rsaOaep_ourKeyAndCiphertext_decryptWithOpenssl(OaepHash hash) throws Exception {
    byte[] pkcs8 = write("key.der", RsaKeys.generatePkcs8(2048));
    byte[] message = Randomness.bytes(RsaOaep.maxPlaintextLength(2048, hash));
    write("ct.bin", RsaOaep.encrypt(RsaKeys.publicKey(RsaKeys.parsePkcs8(pkcs8)), hash, message));

    byte[] decrypted =
        OpenSsl.run(
            dir,
            oaep(
                hash,
                "pkeyutl",
                "-decrypt",
                "-keyform",
                "DER",
                "-inkey",
                "key.der",
                "-in",
                "ct.bin"));

    assertArrayEquals(message, decrypted);
  }

  @Test
  void sm2_opensslKeyAndCiphertext_decryptWithOurs() throws Exception {
    OpenSsl.run(dir, "genpkey", "-algorithm", "SM2", "-outform", "DER", "-out", "key.der");
    Sm2PrivateKey key = Sm2.parsePkcs8(Files.readAllBytes(dir.resolve("key.der")));
    byte[] publicKey =
        OpenSsl.run(dir, "pkey", "-inform", "DER", "-in", "key.der", "-pubout", "-outform", "DER");
    assertArrayEquals(publicKey, key.publicKey().toX509Der());
    write("pub.der", publicKey);
    byte[] message = write("msg.bin", Randomness.bytes(32));

    assertArrayEquals(message, Sm2.decrypt(key, opensslSm2EncryptWithPubDer()));
  }

  @Test
  void sm2_ourKeyAndCiphertext_decryptWithOpenssl() throws Exception {
    byte[] pkcs8 = write("key.der", Sm2.generatePkcs8());
    Sm2PrivateKey key = Sm2.parsePkcs8(pkcs8);
    byte[] message = Randomness.bytes(32);
    write("ct.bin", Sm2.encrypt(key.publicKey(), message));

    byte[] decrypted =
        OpenSsl.run(
            dir, "pkeyutl", "-decrypt", "-keyform", "DER", "-inkey", "key.der", "-in", "ct.bin");

    assertArrayEquals(message, decrypted);
  }

  @Test
  void sm2_ourPublicKeyDer_usableByOpensslForEncryption() throws Exception {
    Sm2PrivateKey key = Sm2.parsePkcs8(Sm2.generatePkcs8());
    write("pub.der", key.publicKey().toX509Der());
    byte[] message = write("msg.bin", Randomness.bytes(100));

    assertArrayEquals(message, Sm2.decrypt(key, opensslSm2EncryptWithPubDer()));
  }

  /** The GM/T 0003.5 example ciphertext, in our PKCS#8 for its key, decrypts with OpenSSL too. */
  @Test
  void sm2_gmtExampleCiphertext_decryptsWithOpenssl() throws Exception {
    HexFormat hex = HexFormat.of();
    BigInteger d =
        new BigInteger("3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8", 16);
    byte[] k = hex.parseHex("59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21");
    Sm2PrivateKey key = new Sm2PrivateKey(d);
    byte[] message = "encryption standard".getBytes(StandardCharsets.US_ASCII);
    write("key.der", Sm2Pkcs8.encode(key));
    write("ct.bin", Sm2.encrypt(key.publicKey(), message, new FixedRandom(k)));

    byte[] decrypted =
        OpenSsl.run(
            dir, "pkeyutl", "-decrypt", "-keyform", "DER", "-inkey", "key.der", "-in", "ct.bin");

    assertArrayEquals(message, decrypted);
  }

  /** OpenSSL 3 writes DER keys in the traditional forms (PKCS#1, SEC1): those parse too. */
  @Test
  void keys_opensslTraditionalDer_parseAsTheSameKeys() throws Exception {
    OpenSsl.run(dir, "genpkey", "-algorithm", "SM2", "-out", "sm2.pem");
    OpenSsl.run(dir, "pkey", "-in", "sm2.pem", "-outform", "DER", "-out", "sm2.der");
    assertArrayEquals(
        Sm2.parsePkcs8(pemBody("sm2.pem")).publicKey().toX509Der(),
        Sm2.parsePkcs8(Files.readAllBytes(dir.resolve("sm2.der"))).publicKey().toX509Der());
    OpenSsl.run(
        dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem");
    OpenSsl.run(dir, "pkey", "-in", "rsa.pem", "-outform", "DER", "-out", "rsa.der");
    assertArrayEquals(
        RsaKeys.parsePkcs8(pemBody("rsa.pem")).getEncoded(),
        RsaKeys.parsePkcs8(Files.readAllBytes(dir.resolve("rsa.der"))).getEncoded());
  }

  /** The DER inside a PEM file: for "PRIVATE KEY" that is PKCS#8. */
  private byte[] pemBody(String name) throws Exception {
    String pem = Files.readString(dir.resolve(name), StandardCharsets.US_ASCII);
    assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----"), name + " is not PKCS#8 PEM");
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }

  private byte[] write(String name, byte[] content) throws Exception {
    Files.write(dir.resolve(name), content);
    return content;
  }

  /** OAEP options with the MGF1 hash equal to the OAEP hash. */
  private static String[] oaep(OaepHash hash, String... args) {
    String md = hash == OaepHash.SHA_1 ? "sha1" : "sha256";
    String[] out = new String[args.length + 6];
    System.arraycopy(args, 0, out, 0, args.length);
    String[] options = {
      "-pkeyopt",
      "rsa_padding_mode:oaep",
      "-pkeyopt",
      "rsa_oaep_md:" + md,
      "-pkeyopt",
      "rsa_mgf1_md:" + md
    };
    System.arraycopy(options, 0, out, args.length, options.length);
    return out;
  }

  /** OpenSSL's SM2 encryption of {@code msg.bin} under the DER public key {@code pub.der}. */
  private byte[] opensslSm2EncryptWithPubDer() throws Exception {
    OpenSsl.run(
        dir,
        "pkeyutl",
        "-encrypt",
        "-pubin",
        "-keyform",
        "DER",
        "-inkey",
        "pub.der",
        "-in",
        "msg.bin",
        "-out",
        "ct.bin");
    return Files.readAllBytes(dir.resolve("ct.bin"));
  }
}
