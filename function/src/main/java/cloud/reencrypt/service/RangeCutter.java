package cloud.reencrypt.service;

import cloud.reencrypt.service.JobPlan.Range;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a manifest into ranges for fan-out, reading it once. The fewest ranges of at most {@code
 * FANOUT_BYTES} are made as even as lines allow: with {@code rangeBytes} the manifest's size
 * divided by their number (rounded up), range {@code r} starts at the first line that starts at or
 * after {@code r × rangeBytes} (a long line can swallow a cut, so ranges are never empty), and its
 * first line's number is recorded. Even ranges finish together when their instances run side by
 * side, where a last short range would leave the job waiting on the full ones. Only LF bytes are
 * looked at, which is what {@link ManifestLineReader} splits on too. Between cuts the scan only
 * counts LFs, in a loop the JIT keeps tight: it reads every byte of a manifest that can be
 * gigabytes.
 */
final class RangeCutter {
  private static final int BUFFER = 256 * 1024;

  private final long rangeBytes;
  private final List<Range> ranges = new ArrayList<>();
  private long position;
  private long line = 1;
  private long rangeStart;
  private long rangeFirstLine = 1;
  private long nextCut;
  private boolean lineStart = true;

  private RangeCutter(long rangeBytes) {
    this.rangeBytes = rangeBytes;
    this.nextCut = rangeBytes;
  }

  /**
   * @param size the manifest's size
   * @param maxRangeBytes {@code FANOUT_BYTES}
   */
  static List<Range> cut(InputStream in, long size, long maxRangeBytes) throws IOException {
    RangeCutter cutter = new RangeCutter(evenRangeBytes(size, maxRangeBytes));
    byte[] buffer = new byte[BUFFER];
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      cutter.scan(buffer, read);
    }
    cutter.ranges.add(new Range(cutter.rangeStart, cutter.position, cutter.rangeFirstLine));
    return cutter.ranges;
  }

  /** The size of each of the fewest even ranges of at most {@code maxRangeBytes}. */
  private static long evenRangeBytes(long size, long maxRangeBytes) {
    long ranges = Math.max(1, ceilDiv(size, maxRangeBytes));
    return Math.max(1, ceilDiv(size, ranges));
  }

  private static long ceilDiv(long dividend, long divisor) {
    return (dividend + divisor - 1) / divisor;
  }

  private void scan(byte[] buffer, int length) {
    int i = 0;
    while (i < length) {
      int cutAt = (int) Math.min(length, Math.max(i, nextCut - position));
      count(buffer, i, cutAt);
      i = cutAt;
      if (i == length) {
        break;
      }
      if (lineStart) {
        cut(position + i);
        continue;
      }
      // Past the cut inside a line: the range starts after this line's LF.
      int lf = indexOfLf(buffer, i, length);
      count(buffer, i, lf == length ? length : lf + 1);
      i = lf == length ? length : lf + 1;
      if (lf < length && i < length) {
        cut(position + i);
      }
    }
    position += length;
  }

  private void cut(long at) {
    ranges.add(new Range(rangeStart, at, rangeFirstLine));
    rangeStart = at;
    rangeFirstLine = line;
    nextCut = (at / rangeBytes + 1) * rangeBytes;
  }

  private void count(byte[] buffer, int from, int to) {
    long lfs = 0;
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n') {
        lfs++;
      }
    }
    line += lfs;
    if (to > from) {
      lineStart = buffer[to - 1] == '\n';
    }
  }

  private static int indexOfLf(byte[] buffer, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return to;
  }
}
