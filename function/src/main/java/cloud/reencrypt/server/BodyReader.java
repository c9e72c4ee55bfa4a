package cloud.reencrypt.server;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a whole request body without holding a thread while the client is slow: Jetty calls back
 * when more bytes arrive ({@link Request#demand}), so a client trickling its body costs a buffer,
 * not a worker.
 *
 * <p>A body over the limit is still read and dropped, up to {@link #DISCARD_BYTES} more, before the
 * answer: closing a connection with unread bytes makes TCP reset it, and the client would lose the
 * error answer too. Buffers are zeroed when replaced or refused (a body may hold plaintext).
 */
final class BodyReader implements Runnable {
  /** How much of an over-long body is read and dropped so that the client gets the error. */
  static final int DISCARD_BYTES = 4 * 1024 * 1024;

  private static final int UNKNOWN_LENGTH_START = 4096;

  private final Request request;
  private final int maxBytes;
  private final Consumer<Optional<byte[]>> done;
  private final Consumer<Throwable> failed;
  private byte[] buffer;
  private int size;
  private long dropped;

  private BodyReader(
      Request request, int maxBytes, Consumer<Optional<byte[]>> done, Consumer<Throwable> failed) {
    this.request = request;
    this.maxBytes = maxBytes;
    this.done = done;
    this.failed = failed;
    long declared = request.getLength();
    this.buffer =
        new byte[(int) Math.min(declared < 0 ? UNKNOWN_LENGTH_START : declared, maxBytes)];
  }

  /**
   * Reads the body, then calls {@code done} with it (empty when it exceeds {@code maxBytes}), or
   * {@code failed} when the client breaks off or stalls. Either runs once, on a server thread.
   */
  static void read(
      Request request, int maxBytes, Consumer<Optional<byte[]>> done, Consumer<Throwable> failed) {
    new BodyReader(request, maxBytes, done, failed).run();
  }

  @Override
  public void run() {
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        zero();
        failed.accept(chunk.getFailure());
        return;
      }
      take(chunk.getByteBuffer());
      boolean last = chunk.isLast();
      chunk.release();
      if (last || dropped > DISCARD_BYTES) {
        finish();
        return;
      }
    }
  }

  private void take(ByteBuffer bytes) {
    int keep = (int) Math.min(bytes.remaining(), (long) maxBytes - size);
    if (keep > 0) {
      ensureCapacity(size + keep);
      bytes.get(buffer, size, keep);
      size += keep;
    }
    dropped += bytes.remaining();
    bytes.position(bytes.limit());
  }

  private void ensureCapacity(int needed) {
    if (needed > buffer.length) {
      byte[] grown = Arrays.copyOf(buffer, (int) Math.min(maxBytes, Math.max(needed, 2L * needed)));
      zero();
      buffer = grown;
    }
  }

  private void finish() {
    if (dropped > 0) {
      zero();
      done.accept(Optional.empty());
      return;
    }
    byte[] body = size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    if (body != buffer) {
      zero();
    }
    done.accept(Optional.of(body));
  }

  private void zero() {
    Arrays.fill(buffer, (byte) 0);
  }
}
