package cloud.reencrypt.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestLineReaderTest {
  private static List<String> lines(InputStream in, int max) throws IOException {
    ManifestLineReader reader = new ManifestLineReader(in, max);
    List<String> lines = new ArrayList<>();
    while (reader.next()) {
      String text = new String(reader.bytes(), 0, reader.length(), StandardCharsets.UTF_8);
      lines.add(reader.tooLong() ? "TOO_LONG" : text);
    }
    return lines;
  }

  private static List<String> lines(String text) throws IOException {
    return lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 100);
  }

  @Test
  void next_finalNewline_endsTheLastLine() throws IOException {
    assertEquals(List.of("a", "b"), lines("a\nb\n"));
    assertEquals(List.of("a", "b"), lines("a\nb"));
    assertEquals(List.of(), lines(""));
  }

  @Test
  void next_crlf_dropsTheCarriageReturn() throws IOException {
    assertEquals(List.of("a", "b"), lines("a\r\nb\r\n"));
  }

  @Test
  void next_blankLines_areKept() throws IOException {
    assertEquals(List.of("a", "", "b"), lines("a\n\nb\n"));
    assertEquals(List.of(""), lines("\n"));
    assertEquals(List.of("a", ""), lines("a\n\r\n"));
  }

  @Test
  void next_lineOverLimit_isReportedAndSkippedToItsEnd() throws IOException {
    assertEquals(List.of("x", "TOO_LONG", "y"), lines("x\n" + "z".repeat(101) + "\ny\n"));
  }

  @Test
  void next_linesAcrossReadBoundaries_areWhole() throws IOException {
    String line = "q".repeat(50);
    String text = (line + "\r\n").repeat(5000);
    InputStream trickle =
        new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 7));
          }
        };

    List<String> lines = lines(trickle, 100);

    assertEquals(5000, lines.size());
    lines.forEach(l -> assertEquals(line, l));
  }
}
