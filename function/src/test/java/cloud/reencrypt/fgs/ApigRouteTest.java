package cloud.reencrypt.fgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.reencrypt.kms.KmsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApigRouteTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/kms/re-encrypt",
        "/kms/re-encrypt/",
        "/v1.0/49099f1caf3aa0e25a0f60aa6e04253b/kms/re-encrypt",
        "/RELEASE/reencrypt/kms/re-encrypt"
      })
  void of_anyPrefixBeforeKms_routesReEncrypt(String path) {
    assertEquals(ApigRoute.RE_ENCRYPT, ApigRoute.of(path, () -> false));
  }

  @Test
  void of_batchPath_routesBatch() {
    assertEquals(
        ApigRoute.BATCH_RE_ENCRYPT, ApigRoute.of("/api/kms/batch-re-encrypt", () -> false));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/kms/decrypt-data",
        "/kms/create-key",
        "/re-encrypt",
        "/kms/re-encrypt/x",
        "/",
        ""
      })
  void of_otherPaths_areInvalidUrl(String path) {
    KmsException e = assertThrows(KmsException.class, () -> ApigRoute.of(path, () -> false));

    assertEquals("KMS.0201", e.errorCode());
    assertEquals(400, e.httpStatus());
  }

  @Test
  void of_noPath_isInvalidUrl() {
    assertEquals(
        "KMS.0201",
        assertThrows(KmsException.class, () -> ApigRoute.of(null, () -> false)).errorCode());
  }

  @Test
  void of_jobsPathWhenDisabled_isInvalidUrlLikeAnyOther() {
    KmsException e =
        assertThrows(KmsException.class, () -> ApigRoute.of("/v1.0/p/kms/jobs/m-abc", () -> false));

    assertEquals("KMS.0201", e.errorCode());
    assertEquals(false, e.errorMsg().contains("jobs"));
  }

  @Test
  void of_jobsPathWhenEnabled_routesJobWithItsId() {
    String path = "/v1.0/p/kms/jobs/m-0123abcd-feed";

    assertEquals(ApigRoute.JOB, ApigRoute.of(path, () -> true));
    assertEquals("m-0123abcd-feed", ApigRoute.jobId(path));
  }

  @Test
  void of_reEncryptWhenJobsEnabled_stillRoutesReEncrypt() {
    assertEquals(ApigRoute.RE_ENCRYPT, ApigRoute.of("/v1.0/p/kms/re-encrypt", () -> true));
  }

  @Test
  void of_otherThanJobsPath_neverAsksWhetherJobsAreEnabled() {
    ApigRoute route =
        ApigRoute.of(
            "/v1.0/p/kms/re-encrypt",
            () -> {
              throw new AssertionError("the configuration was read for a KMS route");
            });

    assertEquals(ApigRoute.RE_ENCRYPT, route);
  }
}
