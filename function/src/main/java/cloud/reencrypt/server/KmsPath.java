package cloud.reencrypt.server;

import java.util.Optional;

/**
 * The path of a KMS data-plane call, {@code /v1.0/{project_id}/kms/{operation}}, split into its
 * variable parts. Any other shape (extra or missing segments, a trailing slash) is not a KMS path.
 */
record KmsPath(String projectId, String operation) {
  static Optional<KmsPath> parse(String rawPath) {
    String[] segments = rawPath.split("/", -1);
    boolean kmsShape =
        segments.length == 5
            && segments[0].isEmpty()
            && segments[1].equals("v1.0")
            && !segments[2].isEmpty()
            && segments[3].equals("kms")
            && !segments[4].isEmpty();
    return kmsShape ? Optional.of(new KmsPath(segments[2], segments[4])) : Optional.empty();
  }
}
