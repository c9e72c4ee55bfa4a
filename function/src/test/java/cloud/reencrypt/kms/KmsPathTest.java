package cloud.reencrypt.kms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class KmsPathTest {
  @ParameterizedTest
  @CsvSource({
    "/v1.0/p1/kms/re-encrypt, /v1.0/p1, re-encrypt",
    "/stage/kms/batch-re-encrypt/, /stage, batch-re-encrypt/",
    "/a/kms/b/kms/re-encrypt, /a/kms/b, re-encrypt",
    "/kms/, '', ''"
  })
  void of_pathWithKmsSegment_splitsAtTheLastOne(String path, String prefix, String operation) {
    assertEquals(Optional.of(new KmsPath(prefix, operation)), KmsPath.of(path));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "/v1.0/p1/re-encrypt", "/v1.0/p1/kmsre-encrypt"})
  void of_pathWithoutKmsSegment_isEmpty(String path) {
    assertEquals(Optional.empty(), KmsPath.of(path));
  }

  @ParameterizedTest
  @CsvSource({"/v1.0/p1/kms/re-encrypt, p1", "/v1.0/0a1b/kms/describe-key, 0a1b"})
  void projectId_kmsShape_isTheProjectSegment(String path, String projectId) {
    assertEquals(Optional.of(projectId), KmsPath.of(path).flatMap(KmsPath::projectId));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/v1.0/p1/kms/re-encrypt/",
        "/v1.0//kms/re-encrypt",
        "/v1.0/p1/x/kms/re-encrypt",
        "/v2.0/p1/kms/re-encrypt",
        "/v1.0/p1/kms/",
        "/stage/kms/re-encrypt",
        "/v1.0/p1/kms/a/b"
      })
  void projectId_otherShape_isEmpty(String path) {
    assertEquals(Optional.empty(), KmsPath.of(path).flatMap(KmsPath::projectId));
  }

  @ParameterizedTest
  @CsvSource({"/x/kms/re-encrypt/, re-encrypt", "/x/kms/re-encrypt, re-encrypt", "/x/kms//, ''"})
  void operationName_trailingSlash_isDroppedOnce(String path, String name) {
    assertEquals(name, KmsPath.of(path).orElseThrow().operationName());
  }
}
