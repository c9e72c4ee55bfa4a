package cloud.reencrypt.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file opened for reading together with the identity of exactly the file opened. Uploads replace
 * objects by rename, so the path may point at a newer file a moment after opening; comparing the
 * identity before and after the open proves which file the channel holds.
 */
record OpenedFile(FileChannel channel, FileIdentity identity) implements Closeable {
  private static final int ATTEMPTS = 3;

  static OpenedFile open(Path path) throws IOException {
    for (int attempt = 1; ; attempt++) {
      FileIdentity before = FileIdentity.of(path);
      FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
      try {
        if (before.sameFile(FileIdentity.of(path))) {
          return new OpenedFile(channel, before);
        }
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      channel.close();
      if (attempt == ATTEMPTS) {
        throw new IOException("the file kept being replaced while it was opened");
      }
    }
  }

  /** A stream reading from the channel's current position; closing it closes the channel. */
  InputStream newStream() {
    return Channels.newInputStream(channel);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
