locals {
  # A function URN is urn:fss:<region>:<project_id>:function:<app>:<name>[:<version>].
  project_id = split(":", huaweicloud_fgs_function.api.urn)[3]
  api_domain = data.huaweicloud_apig_groups.kms.groups[0].sl_domain
}

output "api_urls" {
  description = "POST targets: the KMS ReEncrypt API and its batch form (send X-Auth-Token with an IAM token)."
  value = {
    re_encrypt       = "https://${local.api_domain}${replace(local.kms_api_routes.re_encrypt, "{project_id}", local.project_id)}"
    batch_re_encrypt = "https://${local.api_domain}${replace(local.kms_api_routes.batch_re_encrypt, "{project_id}", local.project_id)}"
  }
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
  description = "KMS requests/s each function instance is limited to."
  value       = local.kms_max_tps
}

output "max_manifest_bytes" {
  description = "Largest manifest one OBS invocation accepts."
  value       = local.max_manifest_bytes
}
