package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.ReEncryptResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams a manifest ({@code .jsonl}): one ReEncrypt request object per input line, one output line
 * per input line in the same order, each the ReEncrypt response or {@code {"line": n, "error":
 * {"error_code": ..., "error_msg": ...}}} with n counted from 1. Output lines end with LF.
 *
 * <p>Line rules: LF or CRLF; the final newline ends the last line; a blank line is an error line; a
 * line over {@value #MAX_LINE_BYTES} bytes is an error line (KMS.0203). A request without {@code
 * destination_key_id} gets the configured destination key, and then also the configured destination
 * algorithm when it names none. A bad line never stops the others.
 *
 * <p>Lines are re-encrypted {@code concurrency} at a time (KMS calls are network-bound; the local
 * engine uses every core) and written in input order. At most {@code concurrency} × {@value
 * #LINES_PER_WORKER} lines are in flight, so memory stays bounded whatever the manifest's size.
 *
 * <p>A server-side failure (HTTP status 500 or more, e.g. KMS unreachable) is not a line error: it
 * would recur on every line and leave an output that looks complete but is not, so it stops the
 * manifest and propagates, and the caller writes no output.
 */
public final class ManifestProcessor {
  /** Longest manifest line accepted; KMS's largest ReEncrypt request is well under this. */
  public static final int MAX_LINE_BYTES = 64 * 1024;

  /** Lines queued per worker, enough to keep every worker busy while the writer waits. */
  static final int LINES_PER_WORKER = 32;

  /** Writers bound to their types once: serialising runs per manifest line. */
  private static final ObjectWriter RESPONSE = KmsJson.MAPPER.writerFor(ReEncryptResponse.class);

  private static final ObjectWriter LINE_ERROR = KmsJson.MAPPER.writerFor(LineError.class);

  private final ReEncryptService service;
  private final Optional<String> defaultDestinationKeyId;
  private final String defaultDestinationAlgorithm;
  private final int concurrency;

  public ManifestProcessor(
      ReEncryptService service,
      Optional<String> defaultDestinationKeyId,
      String defaultDestinationAlgorithm,
      int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    this.service = service;
    this.defaultDestinationKeyId = defaultDestinationKeyId;
    this.defaultDestinationAlgorithm = defaultDestinationAlgorithm;
    this.concurrency = concurrency;
  }

  /**
   * Processes every line of the input into the output.
   *
   * @throws KmsException a server-side failure that stopped the manifest
   * @throws IOException reading or writing failed
   */
  public ManifestCounts process(InputStream in, OutputStream out) throws IOException {
    ManifestLineReader reader = new ManifestLineReader(in, MAX_LINE_BYTES);
    ExecutorService workers = Executors.newFixedThreadPool(concurrency, ManifestProcessor::worker);
    try {
      ArrayDeque<Future<LineResult>> inFlight = new ArrayDeque<>();
      long lines = 0;
      long failed = 0;
      while (reader.next()) {
        ManifestLine line = ManifestLine.copyOf(reader, ++lines);
        inFlight.add(workers.submit(() -> reEncrypt(line)));
        if (inFlight.size() >= concurrency * LINES_PER_WORKER) {
          failed += write(inFlight.poll(), out);
        }
      }
      while (!inFlight.isEmpty()) {
        failed += write(inFlight.poll(), out);
      }
      return new ManifestCounts(lines, lines - failed, failed);
    } finally {
      workers.shutdownNow();
    }
  }

  /** Writes one finished line; returns 1 when it is an error line. */
  private static int write(Future<LineResult> pending, OutputStream out) throws IOException {
    LineResult result;
    try {
      result = pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while re-encrypting a manifest");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("a manifest line failed unexpectedly", e.getCause());
    }
    out.write(result.json());
    out.write('\n');
    return result.failed() ? 1 : 0;
  }

  private LineResult reEncrypt(ManifestLine line) throws JsonProcessingException {
    try {
      return new LineResult(
          RESPONSE.writeValueAsBytes(service.reEncrypt(withDefaults(line.request()))), false);
    } catch (KmsException e) {
      if (e.httpStatus() >= 500) {
        throw e;
      }
      return new LineResult(
          LINE_ERROR.writeValueAsBytes(new LineError(line.number(), e.detail())), true);
    }
  }

  private ObjectNode withDefaults(ObjectNode request) {
    JsonNode destination = request.get("destination_key_id");
    if ((destination == null || destination.isNull()) && defaultDestinationKeyId.isPresent()) {
      request.put("destination_key_id", defaultDestinationKeyId.get());
      JsonNode algorithm = request.get("destination_encryption_algorithm");
      if (algorithm == null || algorithm.isNull()) {
        request.put("destination_encryption_algorithm", defaultDestinationAlgorithm);
      }
    }
    return request;
  }

  private static Thread worker(Runnable task) {
    Thread thread = new Thread(task, "manifest-worker");
    thread.setDaemon(true);
    return thread;
  }

  /** Line counts of one manifest. */
  public record ManifestCounts(long lines, long succeeded, long failed) {}

  /** An output line for a failed input line. */
  public record LineError(long line, KmsException.Detail error) {}

  /** A processed line: its output JSON and whether it is an error line. */
  private record LineResult(byte[] json, boolean failed) {}
}
