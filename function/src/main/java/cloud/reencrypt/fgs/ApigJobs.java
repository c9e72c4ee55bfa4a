package cloud.reencrypt.fgs;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.service.JobControl;
import cloud.reencrypt.service.JobStatus;
import java.io.IOException;
import java.util.Optional;

/**
 * The jobs routes of the API handler: {@code GET .../kms/jobs/{id}} answers the job's status and
 * {@code DELETE .../kms/jobs/{id}} cancels it (answering the status after the request). An id that
 * is not a job id is a 400 and an unknown one a 404, both with KMS.0201 (invalid URL), so a client
 * learns nothing beyond "no such job"; a work location that cannot be read is a 503.
 */
final class ApigJobs {
  private ApigJobs() {}

  static JobStatus handle(String method, String id, JobControl jobs) {
    try {
      Optional<JobStatus> status = "DELETE".equals(method) ? jobs.cancel(id) : jobs.status(id);
      return status.orElseThrow(
          () ->
              new KmsException(
                  KmsError.INVALID_URL.code(), 404, "no job with this id in the work location"));
    } catch (IllegalArgumentException e) {
      throw KmsError.INVALID_URL.exception("not a job id");
    } catch (IOException e) {
      throw KmsError.SERVICE_UNAVAILABLE.exception("the work location cannot be read");
    }
  }
}
