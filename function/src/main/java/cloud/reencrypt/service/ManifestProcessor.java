package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ReEncryptRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
 * <p>Lines are re-encrypted by {@code concurrency} workers (KMS calls are network-bound; the local
 * engine uses every core), in chunks of {@value #LINES_PER_CHUNK}, and written in input order. At
 * most about {@code concurrency} × {@value #CHUNKS_PER_WORKER} chunks are in flight, so memory
 * stays bounded whatever the manifest's size.
 *
 * <p>A transient failure ({@link KmsException#isTransient()}: throttling that outlasted the
 * engine's retries, or a server-side failure such as KMS unreachable) is not a line error: it says
 * nothing about the line, would likely recur on the next ones, and would leave an output that looks
 * complete but is not; so it stops the manifest and propagates, and the caller writes no output.
 */
public final class ManifestProcessor {
  /** Longest manifest line accepted; KMS's largest ReEncrypt request is well under this. */
  public static final int MAX_LINE_BYTES = 64 * 1024;

  /** Lines a worker takes at once: handing lines over one by one would cost more than a line. */
  static final int LINES_PER_CHUNK = 64;

  /** Chunks queued per worker, enough to keep every worker busy while the writer waits. */
  static final int CHUNKS_PER_WORKER = 2;

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
    return process(in, out, 1, Long.MAX_VALUE);
  }

  /**
   * Processes the lines that start within the first {@code startLimit} bytes of the input: one part
   * of a job. A line that starts before the limit is processed to its end, wherever that is.
   *
   * @param firstLine the number of the input's first line, for error lines
   * @param startLimit lines starting at or after this byte offset are left for the next part
   * @return the counts, with the bytes consumed: where the next part starts
   */
  public ManifestCounts process(InputStream in, OutputStream out, long firstLine, long startLimit)
      throws IOException {
    ManifestLineReader reader = new ManifestLineReader(in, MAX_LINE_BYTES);
    ExecutorService workers = Executors.newFixedThreadPool(concurrency, ManifestProcessor::worker);
    try {
      InFlight inFlight = new InFlight(workers, out);
      long lines = 0;
      List<ManifestLine> chunk = new ArrayList<>(LINES_PER_CHUNK);
      while (reader.position() < startLimit && reader.next()) {
        chunk.add(ManifestLine.copyOf(reader, firstLine + lines++));
        if (chunk.size() == LINES_PER_CHUNK) {
          inFlight.submit(chunk);
          chunk = new ArrayList<>(LINES_PER_CHUNK);
        }
        inFlight.writeOldestWhileMore(concurrency * CHUNKS_PER_WORKER);
      }
      if (!chunk.isEmpty()) {
        inFlight.submit(chunk);
      }
      inFlight.writeOldestWhileMore(0);
      Failures failures = inFlight.failures;
      return new ManifestCounts(
          lines, lines - failures.total(), failures.total(), failures.byCode(), reader.position());
    } finally {
      workers.shutdownNow();
    }
  }

  /** The chunks being re-encrypted, written out in the order they were submitted. */
  private final class InFlight {
    private final ArrayDeque<Future<Chunk>> chunks = new ArrayDeque<>();
    private final ExecutorService workers;
    private final OutputStream out;
    private final Failures failures = new Failures();

    InFlight(ExecutorService workers, OutputStream out) {
      this.workers = workers;
      this.out = out;
    }

    void submit(List<ManifestLine> lines) {
      chunks.add(workers.submit(() -> reEncrypt(lines)));
    }

    /** Waits for the oldest chunks and writes them while more than {@code limit} are in flight. */
    void writeOldestWhileMore(int limit) throws IOException {
      while (chunks.size() > limit) {
        write(chunks.poll());
      }
    }

    /** Writes one finished chunk and adds up its error lines. */
    private void write(Future<Chunk> pending) throws IOException {
      Chunk chunk;
      try {
        chunk = pending.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while re-encrypting a manifest");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new IllegalStateException("a manifest line failed unexpectedly", e.getCause());
      }
      out.write(chunk.output());
      failures.add(chunk.failures());
    }
  }

  private Chunk reEncrypt(List<ManifestLine> lines) {
    ManifestLineWriter output = new ManifestLineWriter(lines.size() * 320);
    Failures failures = new Failures();
    for (ManifestLine line : lines) {
      try {
        output.response(service.reEncrypt(withDefaults(line.request())));
      } catch (KmsException e) {
        if (e.isTransient()) {
          throw e;
        }
        output.error(new LineError(line.number(), e.detail()));
        failures.add(e.errorCode());
      }
    }
    return new Chunk(output.toByteArray(), failures);
  }

  private ReEncryptRequest withDefaults(ReEncryptRequest request) {
    if (request.destinationKeyId() != null || defaultDestinationKeyId.isEmpty()) {
      return request;
    }
    String algorithm = request.destinationEncryptionAlgorithm();
    return new ReEncryptRequest(
        request.sourceKeyId(),
        request.sourceAdditionalAuthenticatedData(),
        request.sourceEncryptionAlgorithm(),
        defaultDestinationKeyId.get(),
        request.destinationAdditionalAuthenticatedData(),
        algorithm != null ? algorithm : defaultDestinationAlgorithm,
        request.datakeyCipherLength(),
        request.cipherText());
  }

  private static Thread worker(Runnable task) {
    Thread thread = new Thread(task, "manifest-worker");
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Line counts of one manifest or part.
   *
   * @param failures error lines by KMS error code
   * @param bytes input bytes consumed
   */
  public record ManifestCounts(
      long lines, long succeeded, long failed, Map<String, Long> failures, long bytes) {
    public ManifestCounts {
      failures = Collections.unmodifiableSortedMap(new TreeMap<>(failures));
    }
  }

  /** An output line for a failed input line: {@code {"line": n, "error": {...}}}. */
  public record LineError(long line, KmsException.Detail error) {}

  /** Processed lines: their output, LF-terminated, and their error lines by code. */
  private record Chunk(byte[] output, Failures failures) {}
}
