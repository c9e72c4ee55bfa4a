package cloud.reencrypt.store.obs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObsDialect;
import cloud.reencrypt.store.obs.CopyPlan.Piece;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The copy-or-stream decision as a pure function of the part sizes and the dialect. */
class CopyPlanTest {
  private static final long OBS_MIN = ObsDialect.OBS.minPartSize();
  private static final long S3_MIN = ObsDialect.S3_PATH_STYLE.minPartSize();
  private static final long GIB = 1024L * 1024 * 1024;

  @Test
  void dialects_minimumPartSizes_are100KBAnd5MiB() {
    assertEquals(102_400, OBS_MIN);
    assertEquals(5 * 1024 * 1024, S3_MIN);
  }

  @Test
  void of_obsDialectPartsOfAtLeast100KB_copiesEachWholePartAsRange() {
    List<ObjectInfo> parts = parts(OBS_MIN, OBS_MIN + 1, 1);

    assertEquals(
        Optional.of(
            List.of(
                new Piece("b", "p0", 0, OBS_MIN - 1),
                new Piece("b", "p1", 0, OBS_MIN),
                new Piece("b", "p2", 0, 0))),
        CopyPlan.of(parts, OBS_MIN));
  }

  @Test
  void of_partOneByteUnderMinimumBeforeTheLast_streams() {
    assertEquals(Optional.empty(), CopyPlan.of(parts(OBS_MIN - 1, OBS_MIN), OBS_MIN));
    assertEquals(Optional.empty(), CopyPlan.of(parts(S3_MIN, S3_MIN - 1, S3_MIN), S3_MIN));
  }

  @Test
  void of_s3DialectPartsThatSuffice100KBOnly_streams() {
    assertEquals(Optional.empty(), CopyPlan.of(parts(OBS_MIN, OBS_MIN), S3_MIN));
  }

  @Test
  void of_singleSmallPart_copies() {
    assertEquals(Optional.of(List.of(new Piece("b", "p0", 0, 9))), CopyPlan.of(parts(10), S3_MIN));
  }

  @Test
  void of_noPartsOrAnEmptyPart_streams() {
    assertEquals(Optional.empty(), CopyPlan.of(List.of(), OBS_MIN));
    assertEquals(Optional.empty(), CopyPlan.of(parts(S3_MIN, 0), S3_MIN));
    assertEquals(Optional.empty(), CopyPlan.of(parts(0), S3_MIN));
  }

  @Test
  void of_partOver5GiB_isCopiedInEqualRangesThatFit() {
    long size = 12 * GIB + 5;

    List<Piece> pieces = CopyPlan.of(parts(size, 1), S3_MIN).orElseThrow();

    assertEquals(4, pieces.size());
    assertEquals(List.of(0L, 4 * GIB + 2, 8 * GIB + 4), starts(pieces.subList(0, 3)));
    assertEquals(size - 1, pieces.get(2).last());
    assertEquals(new Piece("b", "p1", 0, 0), pieces.get(3));
    pieces.forEach(piece -> assertTrue(piece.length() <= CopyPlan.MAX_COPY_PART, piece.toString()));
  }

  @Test
  void of_moreThanTenThousandPieces_streams() {
    long[] sizes = LongStream.generate(() -> S3_MIN).limit(10_001).toArray();

    assertEquals(Optional.empty(), CopyPlan.of(parts(sizes), S3_MIN));
    assertEquals(
        10_000, CopyPlan.of(parts(Arrays.copyOf(sizes, 10_000)), S3_MIN).orElseThrow().size());
  }

  private static List<ObjectInfo> parts(long... sizes) {
    return LongStream.range(0, sizes.length)
        .mapToObj(i -> new ObjectInfo("b", "p" + i, "e", sizes[(int) i], Map.of()))
        .toList();
  }

  private static List<Long> starts(List<Piece> pieces) {
    return pieces.stream().map(Piece::first).toList();
  }
}
