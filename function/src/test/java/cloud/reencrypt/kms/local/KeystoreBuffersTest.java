package cloud.reencrypt.kms.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole-keystore byte arrays (every key's material, every credential) are wiped after use. */
class KeystoreBuffersTest {
  @TempDir Path directory;

  /** A keystore file that keeps every array it reads or is given to write. */
  private static final class RecordingFile extends KeystoreFile {
    final List<byte[]> read = new ArrayList<>();
    final List<byte[]> written = new ArrayList<>();

    RecordingFile(Path path) {
      super(path);
    }

    @Override
    byte[] readOrNull() {
      byte[] bytes = super.readOrNull();
      if (bytes != null) {
        read.add(bytes);
      }
      return bytes;
    }

    @Override
    void replace(byte[] content) {
      written.add(content);
      super.replace(content);
    }
  }

  @Test
  void open_readsTheFile_wipesTheBytesRead() throws IOException {
    RecordingFile file = new RecordingFile(TestKeystores.copyOfDemo(directory));
    new LocalKeystore(file).snapshot();

    assertEquals(1, file.read.size());
    assertAllZero(file.read);
  }

  @Test
  void update_readsAndWritesTheFile_wipesBothBuffers() throws IOException {
    Path path = TestKeystores.copyOfDemo(directory);
    RecordingFile file = new RecordingFile(path);
    LocalKmsEngine engine = new LocalKmsEngine(new LocalKeystore(file), TestKeystores.CLOCK);
    engine.createKey(Requests.createKey("wiped", null));

    assertEquals(2, file.read.size()); // at open, then under the writers' lock
    assertEquals(1, file.written.size());
    assertAllZero(file.read);
    assertAllZero(file.written);
    assertFalse(Files.readString(path).isEmpty());
  }

  private static void assertAllZero(List<byte[]> buffers) {
    for (byte[] buffer : buffers) {
      assertArrayEquals(new byte[buffer.length], buffer);
    }
  }
}
