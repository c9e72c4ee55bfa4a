package cloud.reencrypt.kms.local.crypto;

import static cloud.reencrypt.kms.local.crypto.Failures.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RsaKeysTest {

  @Test
  void generatePkcs8_2048_parsesToCrtKeyWithExponent65537() throws Exception {
    byte[] der = RsaKeys.generatePkcs8(2048);
    RSAPrivateCrtKey key = RsaKeys.parsePkcs8(der);
    assertEquals(2048, key.getModulus().bitLength());
    assertEquals(BigInteger.valueOf(65537), key.getPublicExponent());
    assertEquals("PKCS#8", key.getFormat());
    assertArrayEquals(der, key.getEncoded());
  }

  @Test
  void publicKey_privateCrtKey_matchesModulusAndExponent() throws Exception {
    RSAPrivateCrtKey key = RsaKeys.parsePkcs8(RsaKeys.generatePkcs8(2048));
    RSAPublicKey publicKey = RsaKeys.publicKey(key);
    RSAPublicKey expected =
        (RSAPublicKey)
            KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    assertArrayEquals(expected.getEncoded(), publicKey.getEncoded());
  }

  @Test
  void parsePkcs8_garbageTruncatedOrSm2Key_throwsGeneralSecurityException() throws Exception {
    byte[] der = RsaKeys.generatePkcs8(2048);
    assertRejected(() -> RsaKeys.parsePkcs8(new byte[0]));
    assertRejected(() -> RsaKeys.parsePkcs8(Randomness.bytes(64)));
    assertRejected(() -> RsaKeys.parsePkcs8(Arrays.copyOf(der, der.length - 1)));
    assertRejected(() -> RsaKeys.parsePkcs8(Sm2.generatePkcs8()));
  }
}
