package cloud.reencrypt.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Objects;

/**
 * One whole-or-nothing write in progress. The caller streams content into {@link #stream()} and
 * then calls {@link #commit()}, which publishes the object with its metadata in one step; {@link
 * #abort()} or {@link #close()} without a commit discards everything written. Closing the stream
 * itself (as wrapping writers do) publishes nothing.
 *
 * <p>Implementations supply the three storage steps; this class owns the state machine, so no
 * implementation can publish after an abort or write after a commit. Not thread-safe: one upload
 * belongs to one writer.
 */
public abstract class ObjectUpload implements Closeable {
  private enum State {
    OPEN,
    COMMITTED,
    DISCARDED
  }

  private State state = State.OPEN;
  private final OutputStream stream = new UploadStream();

  /** For implementations only; callers get uploads from {@link ObjectStore#upload}. */
  protected ObjectUpload() {}

  /** The stream to write the content into; closing it does not commit. */
  public final OutputStream stream() {
    return stream;
  }

  /**
   * Publishes the object. If publishing fails, the upload is discarded and the previous object (if
   * any) stays as it was.
   *
   * @return the published object's ETag, size and metadata
   * @throws IllegalStateException if the upload was already committed or discarded
   */
  public final ObjectInfo commit() throws IOException {
    requireOpen();
    try {
      ObjectInfo info = publish();
      state = State.COMMITTED;
      return info;
    } catch (IOException | RuntimeException | Error e) {
      abort();
      throw e;
    }
  }

  /** Discards the upload; nothing becomes visible. Does nothing after a commit or an abort. */
  public final void abort() {
    if (state == State.OPEN) {
      state = State.DISCARDED;
      discard();
    }
  }

  /** Discards the upload unless it was committed. */
  @Override
  public final void close() {
    abort();
  }

  /** Appends content; called only while the upload is open. */
  protected abstract void append(byte[] bytes, int offset, int length) throws IOException;

  /** Makes everything appended visible at once, with the metadata. */
  protected abstract ObjectInfo publish() throws IOException;

  /** Releases everything appended so far; must not throw. */
  protected abstract void discard();

  private void requireOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "the upload is already " + state.name().toLowerCase(Locale.ROOT));
    }
  }

  private final class UploadStream extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      Objects.checkFromIndexSize(offset, length, bytes.length);
      if (state != State.OPEN) {
        throw new IOException("the upload is already " + state.name().toLowerCase(Locale.ROOT));
      }
      append(bytes, offset, length);
    }
  }
}
