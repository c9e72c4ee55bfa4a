package cloud.reencrypt.service;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a manifest's lines as bytes with bounded memory. A line ends at LF; a CR before the LF is
 * dropped (CRLF files); the final LF ends the last line rather than starting an empty one. A line
 * longer than the limit is consumed to its end and reported as too long, never buffered whole.
 */
final class ManifestLineReader {
  private static final int CHUNK = 64 * 1024;

  private final InputStream in;
  private final byte[] chunk = new byte[CHUNK];
  private final byte[] line;
  private int chunkPos;
  private int chunkEnd;
  private long chunkOffset;
  private int length;
  private boolean tooLong;

  ManifestLineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.line = new byte[maxLineBytes];
  }

  /** Advances to the next line; false at the end of the input. */
  boolean next() throws IOException {
    length = 0;
    tooLong = false;
    if (chunkPos == chunkEnd && !fill()) {
      return false;
    }
    while (true) {
      int end = indexOfNewline();
      copy(end);
      if (end < chunkEnd) {
        chunkPos = end + 1;
        break;
      }
      chunkPos = chunkEnd;
      if (!fill()) {
        break;
      }
    }
    if (!tooLong && length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return true;
  }

  /**
   * Bytes of the input consumed so far, through the current line's LF: where the next line starts,
   * counted from the start of the stream.
   */
  long position() {
    return chunkOffset + chunkPos;
  }

  /** The current line's bytes, valid until the next call; see {@link #length()}. */
  byte[] bytes() {
    return line;
  }

  int length() {
    return length;
  }

  /** Whether the current line exceeded the limit (its bytes are then incomplete). */
  boolean tooLong() {
    return tooLong;
  }

  private int indexOfNewline() {
    for (int i = chunkPos; i < chunkEnd; i++) {
      if (chunk[i] == '\n') {
        return i;
      }
    }
    return chunkEnd;
  }

  private void copy(int end) {
    int count = end - chunkPos;
    int room = line.length - length;
    if (count > room) {
      tooLong = true;
      count = room;
    }
    System.arraycopy(chunk, chunkPos, line, length, count);
    length += count;
  }

  private boolean fill() throws IOException {
    chunkOffset += chunkEnd;
    int read = in.read(chunk, 0, CHUNK);
    while (read == 0) {
      read = in.read(chunk, 0, CHUNK);
    }
    chunkPos = 0;
    chunkEnd = Math.max(read, 0);
    return read > 0;
  }
}
