package cloud.reencrypt.fgs;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsPath;
import java.util.function.BooleanSupplier;

/**
 * The operations the API serves, chosen by the path after the last {@code /kms/}, so any prefix
 * works ({@code /v1.0/{project_id}/kms/re-encrypt} as on KMS, or a stage path). Only ReEncrypt, our
 * batch and, when {@code JOBS_API_ENABLED=true}, the jobs API ({@code jobs/{id}} and {@code
 * jobs/sweep}) are served: the function never exposes KMS's decrypt or key management.
 */
enum ApigRoute {
  RE_ENCRYPT("re-encrypt", "POST"),
  BATCH_RE_ENCRYPT("batch-re-encrypt", "POST"),
  /** {@code jobs/{id}}: GET a job's status, DELETE to cancel it. */
  JOB("jobs", "GET, DELETE"),
  /** {@code jobs/sweep}: POST starts a sweep ({@link ApigSweeps}). */
  SWEEP("jobs/sweep", "POST");

  private static final String USAGE =
      "this API serves POST .../kms/re-encrypt and POST .../kms/batch-re-encrypt";

  private final String segment;
  private final String methods;

  ApigRoute(String segment, String methods) {
    this.segment = segment;
    this.methods = methods;
  }

  /** The methods the route takes, as an {@code Allow} header lists them. */
  String methods() {
    return methods;
  }

  String segment() {
    return segment;
  }

  /**
   * The route of a request path; one trailing slash is tolerated. Whether the jobs API is on is
   * asked only for a jobs path, so other requests never wait for the configuration.
   *
   * @throws cloud.reencrypt.kms.KmsException KMS.0201 for any other path
   */
  static ApigRoute of(String path, BooleanSupplier jobsEnabled) {
    String operation = KmsPath.of(path).map(KmsPath::operationName).orElse("");
    boolean jobsPath = operation.startsWith(JOB.segment + "/");
    if (jobsPath && jobsEnabled.getAsBoolean()) {
      return operation.equals(SWEEP.segment) ? SWEEP : JOB;
    }
    for (ApigRoute route : values()) {
      if (route != JOB && route != SWEEP && route.segment.equals(operation)) {
        return route;
      }
    }
    throw KmsError.INVALID_URL.exception(USAGE);
  }

  /** The job id of a {@link #JOB} path: the one segment after {@code jobs/}. */
  static String jobId(String path) {
    String operation = KmsPath.of(path).map(KmsPath::operationName).orElse("");
    return operation.substring(JOB.segment.length() + 1);
  }
}
