# Four buckets with four jobs. Files dropped into the input bucket trigger the
# OBS function; its results go to a separate output bucket, so an output can
# never trigger the function again; the work bucket holds the state of manifest
# jobs and is watched too (a continuation or range written there runs the next
# invocation); the code bucket holds only the function package and no trigger
# watches it.

resource "huaweicloud_obs_bucket" "input" {
  bucket        = var.input_bucket_name
  acl           = "private"
  storage_class = "STANDARD"
  force_destroy = var.force_destroy_buckets
  tags          = var.tags
}

resource "huaweicloud_obs_bucket" "output" {
  bucket        = var.output_bucket_name
  acl           = "private"
  storage_class = "STANDARD"
  # A repeated or mistaken run can never destroy an earlier result.
  versioning    = true
  force_destroy = var.force_destroy_buckets
  tags          = var.tags

  # The function aborts a multipart upload that fails; should the abort fail
  # too (or the invocation die), OBS drops the orphaned parts after a day.
  lifecycle_rule {
    name    = "abort-incomplete-uploads"
    enabled = true

    abort_incomplete_multipart_upload {
      days = 1
    }
  }

  lifecycle {
    precondition {
      condition     = var.output_bucket_name != var.input_bucket_name
      error_message = "output_bucket_name must differ from input_bucket_name: results written where the trigger watches would trigger the function again."
    }
  }
}

# The work location (WORK_BUCKET, WORK_PREFIX): job state, parts (checkpoints),
# continuation and range objects. A bucket of its own, because
#   - every object created in it must reach the OBS function with no suffix
#     filter, and the EventGrid trigger filters on no key at all, so the bucket
#     holds nothing but work objects;
#   - the OBS function may delete there and nowhere else (access.tf);
#   - it is not versioned, so a deleted part is gone, not kept as an old
#     version, and its lifecycle rules concern work objects only.
resource "huaweicloud_obs_bucket" "work" {
  bucket        = var.work_bucket_name
  acl           = "private"
  storage_class = "STANDARD"
  # Nothing here outlives a job: parts are deleted when a job ends and
  # everything else expires after work_expiry_days.
  force_destroy = true
  tags          = var.tags

  # A job deletes its parts when it ends; this removes what a job that never
  # ended left behind (parts, continuations, job state).
  lifecycle_rule {
    name    = "expire-stale-work"
    prefix  = var.work_prefix
    enabled = true

    expiration {
      days = var.work_expiry_days
    }

    abort_incomplete_multipart_upload {
      days = 1
    }
  }

  lifecycle {
    precondition {
      condition     = length(distinct([var.work_bucket_name, var.input_bucket_name, var.output_bucket_name, var.code_bucket_name])) == 4
      error_message = "work_bucket_name must differ from the input, output and code buckets: everything created in it invokes the OBS function."
    }
  }
}

resource "huaweicloud_obs_bucket" "code" {
  bucket        = var.code_bucket_name
  acl           = "private"
  storage_class = "STANDARD"
  # Holds nothing but packages built from this repository.
  force_destroy = true
  tags          = var.tags
}

locals {
  function_jar_path = var.function_jar_path != "" ? var.function_jar_path : "${path.module}/../function/target/reencrypt-function-fgs.jar"
}

# Java code in OBS must be a ZIP with the jar(s) at its root (FunctionGraph
# packaging rules), so the jar is wrapped, not uploaded bare.
data "archive_file" "function_package" {
  type             = "zip"
  source_file      = local.function_jar_path
  output_path      = "${path.module}/../function/target/reencrypt-function-fgs.zip"
  output_file_mode = "0644"
}

# FunctionGraph only redeploys OBS code when code_url changes, so the key
# carries the jar's hash: a new build gets a new key, an unchanged one keeps it.
resource "huaweicloud_obs_bucket_object" "function_package" {
  bucket       = huaweicloud_obs_bucket.code.bucket
  key          = "functiongraph/reencrypt-function-fgs-${filesha256(local.function_jar_path)}.zip"
  source       = data.archive_file.function_package.output_path
  etag         = data.archive_file.function_package.output_md5
  content_type = "application/zip"
}
