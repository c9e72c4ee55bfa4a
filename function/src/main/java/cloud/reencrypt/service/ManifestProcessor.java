package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

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
 * <p>A server-side failure (HTTP status 500 or more, e.g. KMS unreachable) is not a line error: it
 * would recur on every line and leave an output that looks complete but is not, so it stops the
 * manifest and propagates, and the caller writes no output.
 *
 * <p>Memory is bounded by one line and the stream buffers, whatever the manifest's size.
 */
public final class ManifestProcessor {
  /** Longest manifest line accepted; KMS's largest ReEncrypt request is well under this. */
  public static final int MAX_LINE_BYTES = 64 * 1024;

  private static final byte[] NEWLINE = {'\n'};

  private final ReEncryptService service;
  private final Optional<String> defaultDestinationKeyId;
  private final String defaultDestinationAlgorithm;

  public ManifestProcessor(
      ReEncryptService service,
      Optional<String> defaultDestinationKeyId,
      String defaultDestinationAlgorithm) {
    this.service = service;
    this.defaultDestinationKeyId = defaultDestinationKeyId;
    this.defaultDestinationAlgorithm = defaultDestinationAlgorithm;
  }

  /**
   * Processes every line of the input into the output.
   *
   * @throws KmsException a server-side failure that stopped the manifest
   * @throws IOException reading or writing failed
   */
  public ManifestCounts process(InputStream in, OutputStream out) throws IOException {
    ManifestLineReader lines = new ManifestLineReader(in, MAX_LINE_BYTES);
    long number = 0;
    long failed = 0;
    while (lines.next()) {
      number++;
      Object result;
      try {
        result = service.reEncrypt(withDefaults(request(lines)));
      } catch (KmsException e) {
        if (e.httpStatus() >= 500) {
          throw e;
        }
        result = new LineError(number, e.detail());
        failed++;
      }
      out.write(KmsJson.MAPPER.writeValueAsBytes(result));
      out.write(NEWLINE);
    }
    return new ManifestCounts(number, number - failed, failed);
  }

  private static ObjectNode request(ManifestLineReader lines) {
    if (lines.tooLong()) {
      throw KmsError.MESSAGE_TOO_LONG.exception(
          "a manifest line is limited to " + MAX_LINE_BYTES + " bytes");
    }
    if (lines.length() == 0) {
      throw KmsError.INVALID_JSON.exception("blank line");
    }
    JsonNode node;
    try {
      node = KmsJson.MAPPER.readTree(lines.bytes(), 0, lines.length());
    } catch (IOException e) {
      throw KmsError.INVALID_JSON.exception();
    }
    if (node == null || !node.isObject()) {
      throw KmsError.INVALID_JSON.exception("each line must be a JSON object");
    }
    return (ObjectNode) node;
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

  /** Line counts of one manifest. */
  public record ManifestCounts(long lines, long succeeded, long failed) {}

  /** An output line for a failed input line. */
  public record LineError(long line, KmsException.Detail error) {}
}
