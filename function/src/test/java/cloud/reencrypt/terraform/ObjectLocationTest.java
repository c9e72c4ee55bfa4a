package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ObjectLocationTest {

  @Test
  void overlaps_differentBuckets_isFalse() {
    assertFalse(new ObjectLocation("in", "").overlaps(new ObjectLocation("out", "")));
  }

  @Test
  void overlaps_sameBucketDisjointPrefixes_isFalse() {
    assertFalse(
        new ObjectLocation("b", "incoming/").overlaps(new ObjectLocation("b", "reencrypted/")));
  }

  @Test
  void overlaps_sameBucketOutputUnderWatchedPrefix_isTrue() {
    assertTrue(
        new ObjectLocation("b", "data/").overlaps(new ObjectLocation("b", "data/reencrypted/")));
  }

  @Test
  void overlaps_sameBucketWatchedUnderOutputPrefix_isTrue() {
    assertTrue(new ObjectLocation("b", "out/in/").overlaps(new ObjectLocation("b", "out/")));
  }

  @Test
  void overlaps_sameBucketEmptyWatchedPrefix_isTrue() {
    assertTrue(new ObjectLocation("b", "").overlaps(new ObjectLocation("b", "reencrypted/")));
  }
}
