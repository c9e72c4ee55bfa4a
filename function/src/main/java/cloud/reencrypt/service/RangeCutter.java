package cloud.reencrypt.service;

import cloud.reencrypt.service.JobPlan.Range;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a manifest into ranges for fan-out, reading it once: range {@code r} starts at the first
 * line that starts at or after {@code r × rangeBytes} (a long line can swallow a cut, so ranges are
 * never empty), and records that line's number. Only LF bytes are looked at, which is what {@link
 * ManifestLineReader} splits on too.
 */
final class RangeCutter {
  private static final int BUFFER = 64 * 1024;

  private RangeCutter() {}

  static List<Range> cut(InputStream in, long rangeBytes) throws IOException {
    List<Range> ranges = new ArrayList<>();
    byte[] buffer = new byte[BUFFER];
    long position = 0;
    long line = 1;
    long rangeStart = 0;
    long rangeFirstLine = 1;
    long nextCut = rangeBytes;
    boolean lineStart = true;
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      for (int i = 0; i < read; i++, position++) {
        if (lineStart && position >= nextCut) {
          ranges.add(new Range(rangeStart, position, rangeFirstLine));
          rangeStart = position;
          rangeFirstLine = line;
          nextCut = (position / rangeBytes + 1) * rangeBytes;
        }
        lineStart = buffer[i] == '\n';
        if (lineStart) {
          line++;
        }
      }
    }
    ranges.add(new Range(rangeStart, position, rangeFirstLine));
    return ranges;
  }
}
