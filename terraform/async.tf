# Object events reach the OBS function as asynchronous invocations: queued,
# run when an instance is free (at most obs_max_instances at once), retried
# when an invocation fails. A manifest job survives a failed invocation
# because its parts are checkpoints: a retry, or the original event invoked
# again, resumes the job after its last finished part instead of starting it
# over.
#
# When the retries run out (or the event waited longer than its maximum age),
# FunctionGraph writes a record of the event to the failure destination: a
# folder of the output bucket, which no trigger watches and whose results
# prefix it stays out of. Invoking that original event again resumes any
# unfinished job (terraform/README.md, "When an event fails for good").
resource "huaweicloud_fgs_async_invoke_configuration" "obs" {
  function_urn                   = huaweicloud_fgs_function.obs.urn
  max_async_retry_attempts       = var.async_max_retries
  max_async_event_age_in_seconds = var.async_max_event_age_s
  # Keeps each asynchronous invocation's status, so a failed one can be found
  # in the console with its request ID.
  enable_async_status_log = true

  # FunctionGraph writes the record with the function's agency, which may
  # already write objects in the output bucket (access.tf).
  on_failure {
    destination = "OBS"
    param = jsonencode({
      bucket  = huaweicloud_obs_bucket.output.bucket
      prefix  = var.async_failure_prefix
      expires = var.async_failure_retention_days
    })
  }

  lifecycle {
    precondition {
      condition     = !startswith(var.output_prefix, var.async_failure_prefix) && !startswith(var.async_failure_prefix, var.output_prefix)
      error_message = "async_failure_prefix and output_prefix must not contain each other: a failure record is not a result."
    }
    precondition {
      condition     = local.work_outlives_event_age
      error_message = "work_expiry_days must be longer than async_max_event_age_s: a queued or retried event would find its job state expired."
    }
  }
}
