package cloud.reencrypt.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.service.JobPlan.Range;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The range cut against its definition, on inputs whose cuts fall everywhere. */
class RangeCutterTest {

  /** The definition, byte by byte: a range starts at the first line start at or after a cut. */
  private static List<Range> byDefinition(byte[] input, long rangeBytes) {
    List<Range> ranges = new ArrayList<>();
    long start = 0;
    long firstLine = 1;
    long line = 1;
    long nextCut = rangeBytes;
    for (int i = 0; i < input.length; i++) {
      boolean lineStart = i == 0 || input[i - 1] == '\n';
      if (lineStart && i >= nextCut) {
        ranges.add(new Range(start, i, firstLine));
        start = i;
        firstLine = line;
        nextCut = (i / rangeBytes + 1) * rangeBytes;
      }
      if (input[i] == '\n') {
        line++;
      }
    }
    ranges.add(new Range(start, input.length, firstLine));
    return ranges;
  }

  /** Hands the input over in small reads of varying length, as a network stream does. */
  private static InputStream choppy(byte[] input, Random random) {
    return new ByteArrayInputStream(input) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(700)));
      }
    };
  }

  @Test
  void cut_randomManifests_matchesTheDefinition() throws IOException {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      int lines = random.nextInt(200);
      for (int n = 0; n < lines; n++) {
        text.append("x".repeat(random.nextInt(random.nextInt(10) == 0 ? 3000 : 80)));
        text.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
      }
      if (random.nextBoolean()) {
        text.append("last line without LF");
      }
      byte[] input = text.toString().getBytes();
      long maxRangeBytes = 1 + random.nextInt(2000);
      long ranges = Math.max(1, (input.length + maxRangeBytes - 1) / maxRangeBytes);
      long rangeBytes = Math.max(1, (input.length + ranges - 1) / ranges);

      assertEquals(
          byDefinition(input, rangeBytes),
          RangeCutter.cut(choppy(input, random), input.length, maxRangeBytes),
          "round " + round + ", range bytes " + rangeBytes);
    }
  }

  @Test
  void cut_longLineOverSeveralCuts_givesNoEmptyRange() throws IOException {
    byte[] input = ("a\n" + "b".repeat(5000) + "\nc\n").getBytes();

    List<Range> ranges = RangeCutter.cut(new ByteArrayInputStream(input), input.length, 1000);

    assertEquals(List.of(new Range(0, 5003, 1), new Range(5003, 5005, 3)), ranges);
  }

  @Test
  void cut_manifestJustOverTwoRanges_givesThreeEvenRanges() throws IOException {
    byte[] input = "123456789\n".repeat(30).getBytes(); // 300 bytes, 30 lines

    List<Range> ranges = RangeCutter.cut(new ByteArrayInputStream(input), input.length, 128);

    // Not 130 + 130 + 40, which would leave the job waiting on two full ranges.
    assertEquals(
        List.of(new Range(0, 100, 1), new Range(100, 200, 11), new Range(200, 300, 21)), ranges);
  }
}
