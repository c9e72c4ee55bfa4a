locals {
  # A function URN is urn:fss:<region>:<project_id>:function:<app>:<name>[:<version>].
  project_id = split(":", huaweicloud_fgs_function.api.urn)[3]
  api_domain = data.huaweicloud_apig_groups.kms.groups[0].sl_domain
}

output "api_urls" {
  description = "POST targets: the KMS ReEncrypt API and its batch form; with jobs_api_enabled, the job URL for GET and DELETE ({id} is the job ID), and with sweep_allowed_buckets too, the sweep URL for POST. Send X-Auth-Token with an IAM token."
  value = {
    re_encrypt       = "https://${local.api_domain}${replace(local.kms_api_routes.re_encrypt, "{project_id}", local.project_id)}"
    batch_re_encrypt = "https://${local.api_domain}${replace(local.kms_api_routes.batch_re_encrypt, "{project_id}", local.project_id)}"
    jobs             = var.jobs_api_enabled ? "https://${local.api_domain}${replace(local.jobs_api_path, "{project_id}", local.project_id)}" : null
    sweep            = local.sweeps_enabled ? "https://${local.api_domain}${replace(local.sweep_api_path, "{project_id}", local.project_id)}" : null
  }
}

output "sweep_allowed_buckets" {
  description = "Buckets POST .../kms/jobs/sweep may sweep (SWEEP_ALLOWED_BUCKETS); empty when sweeps are off."
  value       = local.sweep_buckets
}

output "project_id" {
  description = "IAM project the functions and keys live in (the {project_id} of the API paths)."
  value       = local.project_id
}

output "api_function_urn" {
  description = "URN of the function behind the API."
  value       = huaweicloud_fgs_function.api.urn
}

output "obs_function_urn" {
  description = "URN of the function the input bucket triggers."
  value       = huaweicloud_fgs_function.obs.urn
}

output "input_location" {
  description = "Drop files here: bucket and key prefix that trigger the OBS function."
  value       = "obs://${huaweicloud_obs_bucket.input.bucket}/${var.input_prefix}"
}

output "output_location" {
  description = "Re-encrypted files appear here, under the source key."
  value       = "obs://${huaweicloud_obs_bucket.output.bucket}/${var.output_prefix}"
}

output "work_location" {
  description = "Job state, parts and continuations of manifest jobs (WORK_BUCKET, WORK_PREFIX); watched by the OBS function."
  value       = "obs://${huaweicloud_obs_bucket.work.bucket}/${var.work_prefix}"
}

output "async_failure_location" {
  description = "Records of object events whose retries ran out; invoke such an event again to resume its job."
  value       = "obs://${huaweicloud_obs_bucket.output.bucket}/${var.async_failure_prefix}"
}

output "code_bucket" {
  description = "Bucket holding the function package."
  value       = huaweicloud_obs_bucket.code.bucket
}

output "source_key_ids" {
  description = "KMS keys ciphertexts may be re-encrypted from."
  value       = local.source_key_ids
}

output "destination_key_id" {
  description = "KMS key ciphertexts are re-encrypted into."
  value       = local.destination_key_id
}

output "apig_instance_id" {
  description = "Dedicated API Gateway instance serving the API."
  value       = local.apig_instance_id
}

output "log_group_id" {
  description = "LTS log group of both functions (streams: <prefix>-api, <prefix>-obs)."
  value       = huaweicloud_lts_group.functions.id
}

output "kms_max_tps" {
  description = "KMS requests/s each function instance is limited to (KMS_TOTAL_TPS / MAX_INSTANCES)."
  value       = local.kms_max_tps
}

output "kms_total_tps" {
  description = "KMS_TOTAL_TPS of each function: its part of the deployment's KMS budget."
  value = {
    api = local.api_kms_total_tps
    obs = local.obs_kms_total_tps
  }
}

output "part_seconds" {
  description = "Worst-case seconds one manifest part (part_bytes) takes on one OBS instance; the OBS timeout fits it plus 60 s."
  value       = local.part_seconds
}
