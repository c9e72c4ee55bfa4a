package cloud.reencrypt.service;

import cloud.reencrypt.json.Json;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code batch-re-encrypt}, our extension beyond KMS: {@code {"requests": [ReEncrypt request,
 * ...]}} with 1 to {@value #MAX_REQUESTS} requests. Every request runs, in order; each result is a
 * ReEncrypt response or {@code {"index": i, "error": {...}}} (i counted from 0), so one failure
 * never hides or aborts another.
 */
public final class BatchReEncrypt {
  public static final int MAX_REQUESTS = 1000;

  private final ReEncryptService service;

  public BatchReEncrypt(ReEncryptService service) {
    this.service = service;
  }

  /**
   * Runs a batch.
   *
   * @throws KmsException for a body that is not a batch (400); never for one request's failure
   */
  public BatchResponse run(Map<String, Object> body) {
    Object value = body.get("requests");
    if (value == null) {
      throw KmsError.MISSING_PARAMETER.exception("requests");
    }
    List<Object> requests = Json.asArray(value);
    if (requests == null) {
      throw KmsError.INVALID_PARAMETER.exception("requests must be an array");
    }
    if (requests.isEmpty() || requests.size() > MAX_REQUESTS) {
      throw KmsError.INVALID_PARAMETER.exception(
          "requests must hold 1 to " + MAX_REQUESTS + " requests, not " + requests.size());
    }
    List<Object> results = new ArrayList<>(requests.size());
    int failed = 0;
    for (int i = 0; i < requests.size(); i++) {
      try {
        results.add(service.reEncrypt(asObject(requests.get(i))));
      } catch (KmsException e) {
        results.add(new BatchError(i, e.detail()));
        failed++;
      }
    }
    return new BatchResponse(results, results.size() - failed, failed);
  }

  private static Map<String, Object> asObject(Object request) {
    Map<String, Object> object = Json.asObject(request);
    if (object == null) {
      throw KmsError.INVALID_PARAMETER.exception("each request must be a JSON object");
    }
    return object;
  }

  /** The batch response: results in request order and the counts. */
  public record BatchResponse(List<Object> results, int succeeded, int failed) {}

  /** A failed request of a batch: its position and KMS's error object. */
  public record BatchError(int index, KmsException.Detail error) {}
}
