package cloud.reencrypt.service;

import static cloud.reencrypt.testing.DemoKms.AES;
import static cloud.reencrypt.testing.DemoKms.AES_DISABLED;
import static cloud.reencrypt.testing.DemoKms.SM4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.testing.DemoKms;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReEncryptServiceTest {
  private static ReEncryptService service(Set<String> sources, Set<String> destinations) {
    return new ReEncryptService(
        DemoKms.engine(),
        new KeyAllowList("source", sources),
        new KeyAllowList("destination", destinations));
  }

  private static ReEncryptRequest request(
      String cipherText, String sourceKeyId, String destinationKeyId) {
    return new ReEncryptRequest(
        sourceKeyId, null, null, destinationKeyId, null, null, null, cipherText);
  }

  private static void assertRefused(ReEncryptService service, ReEncryptRequest request) {
    KmsException e = assertThrows(KmsException.class, () -> service.reEncrypt(request));
    assertEquals("KMS.0306", e.errorCode());
    assertEquals(403, e.httpStatus());
  }

  @Test
  void reEncrypt_noAllowLists_reEncryptsUnderTheDestination() {
    String cipherText = DemoKms.encrypt(AES, "hello");

    ReEncryptResponse response =
        service(Set.of(), Set.of()).reEncrypt(request(cipherText, null, SM4));

    assertEquals(SM4, response.keyId());
    assertEquals(AES, response.sourceKeyId());
    assertEquals(
        DemoKms.plaintexts().of(AES, null, null, cipherText),
        DemoKms.plaintexts().of(SM4, null, null, response.cipherText()));
  }

  @Test
  void reEncrypt_givenSourceNotAllowed_returnsNoPermission() {
    assertRefused(service(Set.of(SM4), Set.of()), request(DemoKms.encrypt(AES, "x"), AES, SM4));
  }

  @Test
  void reEncrypt_omittedSourceReadFromBlobNotAllowed_returnsNoPermission() {
    assertRefused(service(Set.of(SM4), Set.of()), request(DemoKms.encrypt(AES, "x"), null, SM4));
  }

  @Test
  void reEncrypt_omittedSourceReadFromBlobAllowed_succeeds() {
    ReEncryptResponse response =
        service(Set.of(AES), Set.of(SM4)).reEncrypt(request(DemoKms.encrypt(AES, "x"), null, SM4));

    assertEquals(AES, response.sourceKeyId());
  }

  @Test
  void reEncrypt_unreadableBlobWithSourceAllowList_isRefusedBeforeTheEngine() {
    assertRefused(service(Set.of(AES), Set.of()), request("bm90IGEgYmxvYg==", null, SM4));
  }

  @Test
  void reEncrypt_unreadableBlobWithoutAllowList_isTheEnginesInvalidCiphertext() {
    KmsException e =
        assertThrows(
            KmsException.class,
            () -> service(Set.of(), Set.of()).reEncrypt(request("bm90IGEgYmxvYg==", null, SM4)));

    assertEquals("KMS.2201", e.errorCode());
  }

  @Test
  void reEncrypt_destinationNotAllowed_isRefusedBeforeTheEngineSeesTheKey() {
    // The disabled key would be KMS.0209 from the engine; the allow-list answers first.
    assertRefused(
        service(Set.of(), Set.of(SM4)), request(DemoKms.encrypt(AES, "x"), null, AES_DISABLED));
  }

  @Test
  void reEncrypt_missingCipherText_isKmsMissingParameter() {
    ReEncryptRequest request = request(null, null, SM4);

    KmsException e =
        assertThrows(KmsException.class, () -> service(Set.of(), Set.of()).reEncrypt(request));

    assertEquals("KMS.0204", e.errorCode());
  }
}
