package cloud.reencrypt.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The name rules of {@link ObjectNames} and the ETag comparison of {@link Etags}. */
class NamesAndTagsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "my-bucket.logs",
        "0bucket9",
        "b23456789-123456789-123456789-123456789-123456789-123456789-123"
      })
  void checkBucket_obsValidName_accepts(String bucket) {
    assertDoesNotThrow(() -> ObjectNames.checkBucket(bucket));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ab",
        "Bucket",
        "bucket_1",
        "-bucket",
        "bucket-",
        "a..b",
        "a.-b",
        "a-.b",
        "10.0.0.1",
        ".hidden"
      })
  void checkBucket_nameObsRefuses_throwsInvalidArgument(String bucket) {
    ObjectStoreException e =
        assertThrows(ObjectStoreException.class, () -> ObjectNames.checkBucket(bucket));
    assertEquals(ObjectStoreException.Reason.INVALID_ARGUMENT, e.reason());
  }

  @Test
  void checkBucket_sixtyFourCharacters_throwsInvalidArgument() {
    assertThrows(ObjectStoreException.class, () -> ObjectNames.checkBucket("a".repeat(64)));
  }

  @Test
  void checkKey_lengthLimitCountsUtf8Bytes() {
    assertDoesNotThrow(() -> ObjectNames.checkKey("é".repeat(512)));
    assertThrows(ObjectStoreException.class, () -> ObjectNames.checkKey("é".repeat(513)));
  }

  @Test
  void same_quotedWeakAndUpperCaseTags_compareEqual() {
    assertTrue(Etags.same("\"ABCDEF\"", "abcdef"));
    assertTrue(Etags.same("W/\"abc-3\"", "abc-3"));
    assertFalse(Etags.same("abc", "abd"));
    assertFalse(Etags.same(null, null));
    assertEquals("abc", Etags.normalize(" \"ABC\" "));
  }
}
