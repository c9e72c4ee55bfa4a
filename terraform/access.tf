# What the functions may do, and nothing more. Each function runs under its
# own agency, which FunctionGraph assumes: the OBS function may write and
# delete in the work location, the API function may not. IAM keeps global
# services (OBS, type AX) and project services (KMS, type XA) in separate
# policies, so each agency holds the one KMS policy plus its own OBS policy.
#
# The action lists mirror the code and the tests hold them to it:
#   KMS: the IAM actions of KmsOperation.FUNCTION_CALLS (ReEncrypt only; the
#        initializer's one call is a ReEncrypt too).
#   OBS: cloud.reencrypt.store.ObsPermissions, per bucket, plus the work
#        location (TerraformAccessTest names those actions until
#        ObsPermissions does). The sweep policies are also held to what a
#        sweep does on a local store (TerraformSweepAccessTest).

resource "huaweicloud_identity_role" "kms" {
  name        = "${var.name_prefix}-kms-reencrypt"
  description = "ReEncrypt with the ${var.name_prefix} source and destination keys only."
  type        = "XA"
  policy = jsonencode({
    Version = "1.1"
    Statement = [
      {
        # Huawei names no IAM action for ReEncrypt itself; it is a decrypt
        # under the source key plus an encrypt under the destination key, of
        # data (kms:cmk:crypto) or of data keys (kms:dek:crypto).
        Effect   = "Allow"
        Action   = ["kms:cmk:crypto", "kms:dek:crypto"]
        Resource = formatlist("KMS:*:*:KeyId:%s", local.function_key_ids)
      },
    ]
  })
}

# The OBS function: read the input, write the output, and keep its jobs'
# state in the work location, the only place it may delete.
resource "huaweicloud_identity_role" "obs" {
  name        = "${var.name_prefix}-obs-function"
  description = "Read ${var.input_bucket_name}, read and write ${var.output_bucket_name}, read, write and delete under ${var.work_bucket_name}/${var.work_prefix}."
  type        = "AX"
  policy = jsonencode({
    Version = "1.1"
    Statement = [
      {
        # Read a dropped file (GET) and its metadata (HEAD): one action in OBS.
        Effect   = "Allow"
        Action   = ["obs:object:GetObject"]
        Resource = ["obs:*:*:object:${huaweicloud_obs_bucket.input.bucket}/*"]
      },
      {
        # Look up an earlier result or a job's report (HEAD), write the new
        # one (PUT, or a multipart upload for large ones, also assembling a
        # job's parts), abort an upload that failed. Every output key is
        # OUTPUT_PREFIX + the source key: nothing else in the bucket.
        Effect   = "Allow"
        Action   = ["obs:object:GetObject", "obs:object:PutObject", "obs:object:AbortMultipartUpload"]
        Resource = ["obs:*:*:object:${huaweicloud_obs_bucket.output.bucket}/${var.output_prefix}*"]
      },
      {
        # FunctionGraph writes the failure records of async.tf with this
        # agency, under async_failure_prefix, and only writes them.
        Effect   = "Allow"
        Action   = ["obs:object:PutObject"]
        Resource = ["obs:*:*:object:${huaweicloud_obs_bucket.output.bucket}/${var.async_failure_prefix}*"]
      },
      {
        # Without it a HEAD of a result not written yet answers 403, not 404.
        Effect   = "Allow"
        Action   = ["obs:bucket:ListBucket"]
        Resource = ["obs:*:*:bucket:${huaweicloud_obs_bucket.output.bucket}"]
      },
      {
        # The work location: read and write job state, parts, continuations
        # and ranges; delete the parts when a job ends. Delete is granted here
        # and nowhere else: sources and outputs are never deleted.
        Effect   = "Allow"
        Action   = ["obs:object:GetObject", "obs:object:PutObject", "obs:object:AbortMultipartUpload", "obs:object:DeleteObject"]
        Resource = ["obs:*:*:object:${huaweicloud_obs_bucket.work.bucket}/${var.work_prefix}*"]
      },
      {
        # List a job's parts; a HEAD of state not written yet answers 404.
        # The work bucket holds nothing but work objects.
        Effect   = "Allow"
        Action   = ["obs:bucket:ListBucket"]
        Resource = ["obs:*:*:bucket:${huaweicloud_obs_bucket.work.bucket}"]
      },
    ]
  })
}

# The API function, only with the jobs API: read a job's status and write its
# cancel marker (WORK_PREFIX/jobs/<id>/cancel). It deletes nothing and cannot
# touch the parts.
resource "huaweicloud_identity_role" "jobs_api" {
  count = var.jobs_api_enabled ? 1 : 0

  name        = "${var.name_prefix}-jobs-api"
  description = "Read job status and write cancel markers under ${var.work_bucket_name}/${var.work_prefix}jobs/."
  type        = "AX"
  policy = jsonencode({
    Version = "1.1"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["obs:object:GetObject"]
        Resource = ["obs:*:*:object:${huaweicloud_obs_bucket.work.bucket}/${var.work_prefix}jobs/*"]
      },
      {
        Effect   = "Allow"
        Action   = ["obs:object:PutObject"]
        Resource = ["obs:*:*:object:${huaweicloud_obs_bucket.work.bucket}/${var.work_prefix}jobs/*/cancel"]
      },
      {
        # An unknown job ID reads as 404, not 403.
        Effect   = "Allow"
        Action   = ["obs:bucket:ListBucket"]
        Resource = ["obs:*:*:bucket:${huaweicloud_obs_bucket.work.bucket}"]
      },
    ]
  })
}

# Sweeps (sweeps.tf), only when enabled: the OBS function runs a sweep's pages.
# It lists the swept bucket for the page after the one it handles, and reads
# each listed object as it reads a dropped file; outputs and job state go where
# the OBS policy already lets them. Each allowed bucket is named: no wildcard.
resource "huaweicloud_identity_role" "sweep_read" {
  count = local.sweeps_enabled ? 1 : 0

  name        = "${var.name_prefix}-sweep-read"
  description = "List and read the buckets in sweep_allowed_buckets."
  type        = "AX"
  policy = jsonencode({
    Version = "1.1"
    Statement = [
      {
        # A listed object (GET) and its metadata (HEAD).
        Effect   = "Allow"
        Action   = ["obs:object:GetObject"]
        Resource = local.sweep_object_resources
      },
      {
        Effect   = "Allow"
        Action   = ["obs:bucket:ListBucket"]
        Resource = local.sweep_bucket_resources
      },
    ]
  })

  lifecycle {
    precondition {
      condition     = local.sweep_buckets_are_sources
      error_message = "sweep_allowed_buckets may not name the output, work or code bucket: sweeps read sources, and those hold what this deployment writes."
    }
  }
}

# The API function starts sweeps, only when enabled: it lists the swept bucket
# for the first page; writes the new sweep's plan, status and first page into
# its folder (jobs/s-<id>/; a sweep's ID starts with s-, a manifest job's with
# m-); and reads and writes the starts' claims (sweeps/), so that equal starts
# are one sweep and MAX_RUNNING_JOBS holds (docs/sweeps.md). Status reads and
# listing the work bucket come with the jobs policy. No later page, nothing in
# a manifest job's folder, no delete.
resource "huaweicloud_identity_role" "sweep_start" {
  count = local.sweeps_enabled ? 1 : 0

  name        = "${var.name_prefix}-sweep-start"
  description = "List the buckets in sweep_allowed_buckets; write a new sweep's plan, status and first page under ${var.work_bucket_name}/${var.work_prefix}jobs/ and its claim under ${var.work_prefix}sweeps/."
  type        = "AX"
  policy = jsonencode({
    Version = "1.1"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["obs:bucket:ListBucket"]
        Resource = local.sweep_bucket_resources
      },
      {
        Effect = "Allow"
        Action = ["obs:object:PutObject"]
        Resource = [
          "obs:*:*:object:${huaweicloud_obs_bucket.work.bucket}/${var.work_prefix}jobs/s-*/plan.json",
          "obs:*:*:object:${huaweicloud_obs_bucket.work.bucket}/${var.work_prefix}jobs/s-*/status.json",
          "obs:*:*:object:${huaweicloud_obs_bucket.work.bucket}/${var.work_prefix}jobs/s-*/pages/p000000.json",
        ]
      },
      {
        Effect   = "Allow"
        Action   = ["obs:object:GetObject", "obs:object:PutObject"]
        Resource = ["obs:*:*:object:${huaweicloud_obs_bucket.work.bucket}/${var.work_prefix}sweeps/*"]
      },
    ]
  })
}

resource "huaweicloud_identity_agency" "obs" {
  name        = "${var.name_prefix}-obs-function"
  description = "Assumed by the ${var.name_prefix}-obs FunctionGraph function."
  # op_svc_cff is FunctionGraph. The provider stores cloud-service delegations in
  # this field on refresh, so setting it here keeps plans free of diffs.
  delegated_service_name = "op_svc_cff"
  duration               = "FOREVER"
  # The sweep policy only when sweeps are enabled.
  domain_roles = concat([huaweicloud_identity_role.obs.name], huaweicloud_identity_role.sweep_read[*].name)

  project_role {
    project = var.region
    roles   = [huaweicloud_identity_role.kms.name]
  }
}

resource "huaweicloud_identity_agency" "api" {
  name                   = "${var.name_prefix}-api-function"
  description            = "Assumed by the ${var.name_prefix}-api FunctionGraph function."
  delegated_service_name = "op_svc_cff"
  duration               = "FOREVER"
  # Empty unless jobs_api_enabled; the sweep policy only when sweeps are enabled.
  domain_roles = concat(huaweicloud_identity_role.jobs_api[*].name, huaweicloud_identity_role.sweep_start[*].name)

  project_role {
    project = var.region
    roles   = [huaweicloud_identity_role.kms.name]
  }
}
