package cloud.reencrypt.kms;

import java.util.Optional;

/**
 * A request path split at its last {@code /kms/}: what comes before (on KMS itself {@code
 * /v1.0/{project_id}}, behind API Gateway any stage path) and the operation after it. The local KMS
 * server and the API handler both route through here.
 *
 * @param prefix the path before {@code /kms/}, e.g. {@code /v1.0/0123...}
 * @param operation the text after {@code /kms/}, as given (it may end in a slash)
 */
public record KmsPath(String prefix, String operation) {
  private static final String MARKER = "/kms/";
  private static final String VERSION = "/v1.0/";

  /** The path split at its last {@code /kms/}; empty when it has none. */
  public static Optional<KmsPath> of(String path) {
    int at = path == null ? -1 : path.lastIndexOf(MARKER);
    if (at < 0) {
      return Optional.empty();
    }
    return Optional.of(new KmsPath(path.substring(0, at), path.substring(at + MARKER.length())));
  }

  /**
   * The project ID when the path has exactly KMS's own shape, {@code
   * /v1.0/{project_id}/kms/{operation}}: one project segment, one operation segment, no trailing
   * slash.
   */
  public Optional<String> projectId() {
    boolean kmsShape =
        prefix.startsWith(VERSION)
            && prefix.length() > VERSION.length()
            && prefix.indexOf('/', VERSION.length()) < 0
            && !operation.isEmpty()
            && operation.indexOf('/') < 0;
    return kmsShape ? Optional.of(prefix.substring(VERSION.length())) : Optional.empty();
  }

  /** The operation with one trailing slash dropped, as a gateway route tolerates it. */
  public String operationName() {
    return operation.endsWith("/") ? operation.substring(0, operation.length() - 1) : operation;
  }
}
