package cloud.reencrypt.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An object opened for reading: what the store knows about it and its content as a stream. The info
 * describes exactly the content the stream delivers (the ETag is that content's tag), which is what
 * an output's {@code reencrypt-source-etag} must record.
 *
 * @param info the object's ETag, size and user metadata
 * @param content the content; read it once, then close this object
 */
public record StoredObject(ObjectInfo info, InputStream content) implements Closeable {
  public StoredObject {
    Objects.requireNonNull(info);
    Objects.requireNonNull(content);
  }

  @Override
  public void close() throws IOException {
    content.close();
  }
}
