package cloud.reencrypt.fgs;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsPath;

/**
 * The operations the API serves, chosen by the path segment after the last {@code /kms/}, so any
 * prefix works ({@code /v1.0/{project_id}/kms/re-encrypt} as on KMS, or a stage path). Only
 * ReEncrypt and our batch are served: the function never exposes KMS's decrypt or key management.
 */
enum ApigRoute {
  RE_ENCRYPT("re-encrypt"),
  BATCH_RE_ENCRYPT("batch-re-encrypt");

  private final String segment;

  ApigRoute(String segment) {
    this.segment = segment;
  }

  String segment() {
    return segment;
  }

  /**
   * The route of a request path; one trailing slash is tolerated.
   *
   * @throws cloud.reencrypt.kms.KmsException KMS.0201 for any other path
   */
  static ApigRoute of(String path) {
    String operation = KmsPath.of(path).map(KmsPath::operationName).orElse("");
    for (ApigRoute route : values()) {
      if (route.segment.equals(operation)) {
        return route;
      }
    }
    throw KmsError.INVALID_URL.exception(
        "this API serves POST .../kms/re-encrypt and POST .../kms/batch-re-encrypt");
  }
}
