# Two functions from one package: FunctionGraph takes one handler per function,
# and the API and the object triggers want different timeouts (a batch answers
# a waiting client within a minute; a manifest part runs for minutes).
#
# Both read their configuration from user data (context.getUserData); every
# key below is a cloud.reencrypt.config.Setting, and the settings left out are
# listed with their reasons in terraform/README.md.

locals {
  # The initializer (FunctionLifecycle) builds the engine, warms the JDK's
  # crypto and rehearses one ReEncrypt that KMS refuses (at most 5 s), so the
  # connection to KMS is open and the request path has run before the first
  # request; 30 s covers a cold JVM on a small instance.
  # The restore hook only re-seeds random sources and drops the snapshot's
  # engine. Snapshot start itself is switched on through the FunctionGraph API,
  # per published version: docs/snapshot-start.md.
  initializer_timeout_s  = 30
  restore_hook_timeout_s = 10

  function_code_url = "https://${huaweicloud_obs_bucket.code.bucket_domain_name}/${huaweicloud_obs_bucket_object.function_package.key}"
  kms_endpoint      = "https://kms.${var.region}.${var.cloud_domain}"
  obs_endpoint      = "https://obs.${var.region}.${var.cloud_domain}"
}

resource "huaweicloud_lts_group" "functions" {
  group_name  = "${var.name_prefix}-functions"
  ttl_in_days = var.log_retention_days
  tags        = var.tags
}

resource "huaweicloud_lts_stream" "api" {
  group_id    = huaweicloud_lts_group.functions.id
  stream_name = "${var.name_prefix}-api"
}

resource "huaweicloud_lts_stream" "obs" {
  group_id    = huaweicloud_lts_group.functions.id
  stream_name = "${var.name_prefix}-obs"
}

# Serves POST .../kms/re-encrypt and .../kms/batch-re-encrypt through the API
# gateway. 512 MB: FunctionGraph gives CPU in proportion to memory, and the JVM
# start, TLS to KMS and a 1000-entry batch (at most 6 MB of JSON) need far less
# heap than that; the CPU share is what shortens the cold start.
resource "huaweicloud_fgs_function" "api" {
  name                  = "${var.name_prefix}-api"
  app                   = "default"
  description           = "KMS ReEncrypt API behind API Gateway."
  functiongraph_version = "v2"
  runtime               = "Java17"
  handler               = "cloud.reencrypt.fgs.ApigHandler.handleRequest"
  initializer_handler   = "cloud.reencrypt.fgs.ApigHandler.initializer"
  initializer_timeout   = local.initializer_timeout_s
  restore_hook_handler  = "cloud.reencrypt.fgs.ApigHandler.restoreHook"
  restore_hook_timeout  = local.restore_hook_timeout_s
  memory_size           = var.api_function_memory_mb
  timeout               = var.api_function_timeout_s
  max_instance_num      = tostring(var.api_max_instances)
  code_type             = "obs"
  code_url              = local.function_code_url
  agency                = huaweicloud_identity_agency.api.name
  enable_lts_log        = true
  log_group_id          = huaweicloud_lts_group.functions.id
  log_group_name        = huaweicloud_lts_group.functions.group_name
  log_stream_id         = huaweicloud_lts_stream.api.id
  log_stream_name       = huaweicloud_lts_stream.api.stream_name
  tags                  = var.tags

  # MAX_INSTANCES comes from the same variable as max_instance_num, and
  # KMS_TOTAL_TPS / MAX_INSTANCES is the per-instance rate (sizing.tf). OBS is
  # only opened with the jobs API on (access.tf): the jobs routes read the work
  # location, and a sweep's plan names the output location and destination the
  # OBS function then writes with, so those match the OBS function's.
  user_data = jsonencode({
    REENCRYPT_ENGINE                 = "kms"
    REGION                           = var.region
    KMS_ENDPOINT                     = local.kms_endpoint
    KMS_TOTAL_TPS                    = tostring(local.api_kms_total_tps)
    MAX_INSTANCES                    = tostring(var.api_max_instances)
    KMS_MAX_TPS                      = tostring(local.kms_max_tps)
    ALLOWED_SOURCE_KEY_IDS           = join(",", local.source_key_ids)
    ALLOWED_DESTINATION_KEY_IDS      = local.destination_key_id
    JOBS_API_ENABLED                 = tostring(var.jobs_api_enabled)
    OBS_ENDPOINT                     = local.obs_endpoint
    WORK_BUCKET                      = huaweicloud_obs_bucket.work.bucket
    WORK_PREFIX                      = var.work_prefix
    OUTPUT_BUCKET                    = huaweicloud_obs_bucket.output.bucket
    OUTPUT_PREFIX                    = var.output_prefix
    DESTINATION_KEY_ID               = local.destination_key_id
    DESTINATION_ENCRYPTION_ALGORITHM = var.destination_encryption_algorithm
    # Empty, which the function reads as no bucket, unless sweeps are enabled.
    SWEEP_ALLOWED_BUCKETS = join(",", local.sweep_buckets)
    MAX_RUNNING_JOBS      = tostring(var.max_running_jobs)
  })

  lifecycle {
    precondition {
      condition     = local.kms_max_tps >= 1
      error_message = "KMS budget below one request/s per instance: lower api_max_instances/obs_max_instances."
    }
    precondition {
      condition     = local.api_timeout_fits_batch
      error_message = "api_function_timeout_s cannot fit a full batch at the per-instance KMS rate plus a cold start."
    }
  }
}

# Re-encrypts files dropped into the input bucket, and runs manifests of any
# size as jobs: parts of PART_BYTES (checkpoints), continued by the next
# invocation through an object in the work location, ranges of FANOUT_BYTES
# fanned out over up to obs_max_instances instances. Memory as for the API
# function: manifests stream line by line, so a bigger manifest needs more
# time, not more memory, and the timeout must fit one part (sizing.tf).
resource "huaweicloud_fgs_function" "obs" {
  name                  = "${var.name_prefix}-obs"
  app                   = "default"
  description           = "Re-encrypts ciphertext files and manifest jobs dropped into ${var.input_bucket_name}."
  functiongraph_version = "v2"
  runtime               = "Java17"
  handler               = "cloud.reencrypt.fgs.ObsHandler.handleRequest"
  initializer_handler   = "cloud.reencrypt.fgs.ObsHandler.initializer"
  initializer_timeout   = local.initializer_timeout_s
  restore_hook_handler  = "cloud.reencrypt.fgs.ObsHandler.restoreHook"
  restore_hook_timeout  = local.restore_hook_timeout_s
  memory_size           = var.obs_function_memory_mb
  timeout               = var.obs_function_timeout_s
  max_instance_num      = tostring(var.obs_max_instances)
  code_type             = "obs"
  code_url              = local.function_code_url
  agency                = huaweicloud_identity_agency.obs.name
  enable_lts_log        = true
  log_group_id          = huaweicloud_lts_group.functions.id
  log_group_name        = huaweicloud_lts_group.functions.group_name
  log_stream_id         = huaweicloud_lts_stream.obs.id
  log_stream_name       = huaweicloud_lts_stream.obs.stream_name
  tags                  = var.tags

  # MAX_INSTANCES comes from the same variable as max_instance_num, and
  # KMS_TOTAL_TPS / MAX_INSTANCES is the per-instance rate (sizing.tf). The work
  # location is watched by the work triggers (triggers.tf).
  user_data = jsonencode({
    REENCRYPT_ENGINE                 = "kms"
    REGION                           = var.region
    KMS_ENDPOINT                     = local.kms_endpoint
    KMS_TOTAL_TPS                    = tostring(local.obs_kms_total_tps)
    MAX_INSTANCES                    = tostring(var.obs_max_instances)
    KMS_MAX_TPS                      = tostring(local.kms_max_tps)
    ALLOWED_SOURCE_KEY_IDS           = join(",", local.source_key_ids)
    ALLOWED_DESTINATION_KEY_IDS      = local.destination_key_id
    DESTINATION_KEY_ID               = local.destination_key_id
    DESTINATION_ENCRYPTION_ALGORITHM = var.destination_encryption_algorithm
    OBS_ENDPOINT                     = local.obs_endpoint
    OUTPUT_BUCKET                    = huaweicloud_obs_bucket.output.bucket
    OUTPUT_PREFIX                    = var.output_prefix
    WORK_BUCKET                      = huaweicloud_obs_bucket.work.bucket
    WORK_PREFIX                      = var.work_prefix
    PART_BYTES                       = tostring(var.part_bytes)
    FANOUT_BYTES                     = tostring(var.fanout_bytes)
  })

  lifecycle {
    precondition {
      condition     = local.obs_timeout_fits_one_part
      error_message = "obs_function_timeout_s cannot fit one part (part_bytes at the per-instance KMS rate) plus the 60 s reserve: lower part_bytes or obs_max_instances, or raise the timeout."
    }
    precondition {
      condition     = local.fanout_holds_a_part
      error_message = "fanout_bytes must be at least part_bytes: a range is cut into parts."
    }
  }
}
