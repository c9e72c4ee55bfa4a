# Sweeps (docs/sweeps.md): POST .../kms/jobs/sweep lists a bucket and handles
# every object in it as that object's created event would. Only with the jobs
# API, and only over the buckets in sweep_allowed_buckets: the function refuses
# any other bucket (403), and the agencies may list and read those buckets by
# name and no other (access.tf). The OBS function runs whatever sweep pages the
# work location holds, so its agency, not a check in the code, is what keeps it
# to these buckets.
#
# Variables and locals only, no provider: the tests evaluate this file with
# terraform console.

locals {
  # One switch for the route, the grants and SWEEP_ALLOWED_BUCKETS: with no
  # bucket allowed the route could only answer 403, so it is not published.
  sweeps_enabled = var.jobs_api_enabled && length(var.sweep_allowed_buckets) > 0
  sweep_buckets  = local.sweeps_enabled ? sort(distinct(var.sweep_allowed_buckets)) : []

  # IAM resources, one per allowed bucket: the bucket (listing) and its objects
  # (reading).
  sweep_bucket_resources = formatlist("obs:*:*:bucket:%s", local.sweep_buckets)
  sweep_object_resources = formatlist("obs:*:*:object:%s/*", local.sweep_buckets)

  # Sweeps read sources. The output, work and code buckets hold what this
  # deployment writes: sweeping them would re-encrypt results, job state or the
  # package, and grant the functions reads there they otherwise lack.
  sweep_buckets_are_sources = length(setintersection(local.sweep_buckets, [var.output_bucket_name, var.work_bucket_name, var.code_bucket_name])) == 0
}

check "sweeps_need_the_jobs_api" {
  assert {
    condition     = var.jobs_api_enabled || length(var.sweep_allowed_buckets) == 0
    error_message = "sweep_allowed_buckets is set but jobs_api_enabled is false: no sweep route is published and no bucket is granted."
  }
}
