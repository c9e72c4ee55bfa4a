# Three buckets with three jobs. Files dropped into the input bucket trigger the
# OBS function; its results go to a separate output bucket, so an output can
# never trigger the function again; the code bucket holds only the function
# package and no trigger watches it.

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
