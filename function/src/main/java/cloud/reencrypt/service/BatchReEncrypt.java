package cloud.reencrypt.service;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.mapping.JsonMapping;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code batch-re-encrypt}, our extension beyond KMS: {@code {"requests": [ReEncrypt request,
 * ...]}} with 1 to {@value #MAX_REQUESTS} requests. Every request runs, in order; each result is a
 * ReEncrypt response or {@code {"index": i, "error": {...}}} (i counted from 0), so one failure
 * never hides or aborts another.
 */
public final class BatchReEncrypt {
  public static final int MAX_REQUESTS = 1000;

  private static final ObjectReader READER = JsonMapping.reader(BatchRequest.class);

  private final ReEncryptService service;

  public BatchReEncrypt(ReEncryptService service) {
    this.service = service;
  }

  /**
   * Runs a batch.
   *
   * @throws KmsException for a body that is not a batch (400); never for one request's failure
   */
  public BatchResponse run(byte[] body) {
    BatchRequest batch = KmsJson.read(READER, body);
    List<JsonNode> requests = batch.requests();
    if (requests == null) {
      throw KmsError.MISSING_PARAMETER.exception("requests");
    }
    if (requests.isEmpty() || requests.size() > MAX_REQUESTS) {
      throw KmsError.INVALID_PARAMETER.exception(
          "requests must hold 1 to " + MAX_REQUESTS + " requests, not " + requests.size());
    }
    List<Object> results = new ArrayList<>(requests.size());
    int failed = 0;
    for (int i = 0; i < requests.size(); i++) {
      try {
        results.add(service.reEncrypt(KmsOperations.RE_ENCRYPT.parse(requests.get(i))));
      } catch (KmsException e) {
        results.add(new BatchError(i, e.detail()));
        failed++;
      }
    }
    return new BatchResponse(results, results.size() - failed, failed);
  }

  /** The batch request; each element is bound to a ReEncrypt request on its own. */
  private record BatchRequest(List<JsonNode> requests) {}

  /** The batch response: results in request order and the counts. */
  public record BatchResponse(List<Object> results, int succeeded, int failed) {}

  /** A failed request of a batch: its position and KMS's error object. */
  public record BatchError(int index, KmsException.Detail error) {}
}
