# What the functions may do, and nothing more. Both functions run under one
# agency that FunctionGraph assumes; it holds two custom policies because IAM
# keeps global services (OBS, type AX) and project services (KMS, type XA) in
# separate policies.
#
# The action lists mirror the code and the tests hold them to it:
#   KMS: the IAM actions of KmsOperation.FUNCTION_CALLS (ReEncrypt only; the
#        initializer's one call is a ReEncrypt too).
#   OBS: cloud.reencrypt.store.ObsPermissions, per bucket.

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

resource "huaweicloud_identity_role" "obs" {
  name        = "${var.name_prefix}-obs-input-output"
  description = "Read ${var.input_bucket_name}, read and write ${var.output_bucket_name}."
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
        # Look up an earlier result (HEAD), write the new one (PUT, or a
        # multipart upload for large ones), abort an upload that failed.
        Effect   = "Allow"
        Action   = ["obs:object:GetObject", "obs:object:PutObject", "obs:object:AbortMultipartUpload"]
        Resource = ["obs:*:*:object:${huaweicloud_obs_bucket.output.bucket}/*"]
      },
      {
        # Without it a HEAD of a result not written yet answers 403, not 404.
        Effect   = "Allow"
        Action   = ["obs:bucket:ListBucket"]
        Resource = ["obs:*:*:bucket:${huaweicloud_obs_bucket.output.bucket}"]
      },
    ]
  })
}

resource "huaweicloud_identity_agency" "function" {
  name        = "${var.name_prefix}-function"
  description = "Assumed by the ${var.name_prefix} FunctionGraph functions."
  # op_svc_cff is FunctionGraph. The provider stores cloud-service delegations in
  # this field on refresh, so setting it here keeps plans free of diffs.
  delegated_service_name = "op_svc_cff"
  duration               = "FOREVER"
  domain_roles           = [huaweicloud_identity_role.obs.name]

  project_role {
    project = var.region
    roles   = [huaweicloud_identity_role.kms.name]
  }
}
