# ---------------------------------------------------------------------------
# Where and what
# ---------------------------------------------------------------------------

variable "region" {
  description = "Region (and IAM project name) to deploy into, e.g. cn-north-4."
  type        = string
}

variable "cloud_domain" {
  description = "Endpoint domain of the region: myhuaweicloud.com, or myhuaweicloud.eu for eu-west-101."
  type        = string
  default     = "myhuaweicloud.com"
}

variable "name_prefix" {
  description = "Prefix of every resource name (functions, roles, agency, keys, API group, log group)."
  type        = string
  default     = "reencrypt"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,29}$", var.name_prefix))
    error_message = "name_prefix: 3-30 characters, lower-case letters, digits and hyphens, starting with a letter."
  }
}

variable "tags" {
  description = "Tags put on every resource that takes tags."
  type        = map(string)
  default     = {}
}

# ---------------------------------------------------------------------------
# Storage
# ---------------------------------------------------------------------------

variable "input_bucket_name" {
  description = "OBS bucket (created here) that files to re-encrypt are dropped into. Names are global."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.input_bucket_name))
    error_message = "input_bucket_name: 3-63 characters, lower-case letters, digits, hyphens and periods."
  }
}

variable "output_bucket_name" {
  description = "Private, versioned OBS bucket (created here) the re-encrypted files are written to."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.output_bucket_name))
    error_message = "output_bucket_name: 3-63 characters, lower-case letters, digits, hyphens and periods."
  }
}

variable "code_bucket_name" {
  description = "OBS bucket (created here) holding the function package. No trigger watches it."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.code_bucket_name))
    error_message = "code_bucket_name: 3-63 characters, lower-case letters, digits, hyphens and periods."
  }
}

variable "work_bucket_name" {
  description = "Private OBS bucket (created here) holding the work location: job state, parts, continuations. Its object-created events invoke the OBS function."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.work_bucket_name))
    error_message = "work_bucket_name: 3-63 characters, lower-case letters, digits, hyphens and periods."
  }
}

variable "work_prefix" {
  description = "Key prefix of the work location in the work bucket (WORK_PREFIX)."
  type        = string
  default     = ".reencrypt-work/"

  validation {
    condition     = can(regex("^[^/].*/$", var.work_prefix))
    error_message = "work_prefix must be a folder such as .reencrypt-work/: not empty, ending in '/', not starting with '/'."
  }
}

variable "work_expiry_days" {
  description = "Days after which OBS deletes a work object that is still there (a stale part, continuation or job state). Longer than the longest job."
  type        = number
  default     = 7

  validation {
    condition     = var.work_expiry_days >= 1 && floor(var.work_expiry_days) == var.work_expiry_days
    error_message = "work_expiry_days must be a whole number of days, at least 1."
  }
}

variable "object_trigger_type" {
  description = "How object-created events reach the OBS function: EVENTGRID (an EventGrid subscription with OBS as its source) or OBS (the classic trigger, not offered in every region)."
  type        = string
  default     = "EVENTGRID"

  validation {
    condition     = contains(["EVENTGRID", "OBS"], var.object_trigger_type)
    error_message = "object_trigger_type must be EVENTGRID or OBS."
  }
}

variable "eventgrid_trigger_agency_name" {
  description = "EVENTGRID only: existing agency FunctionGraph uses to create the EventGrid subscriptions (the console offers to create fgs_to_eg the first time an EventGrid trigger is made)."
  type        = string
  default     = "fgs_to_eg"
}

variable "input_prefix" {
  description = "Where files are dropped in the input bucket. The classic OBS trigger watches only this prefix (empty: all); the EVENTGRID trigger watches the whole bucket."
  type        = string
  default     = "incoming/"

  validation {
    condition     = !startswith(var.input_prefix, "/")
    error_message = "input_prefix must not start with '/': OBS keys have no leading slash."
  }
}

variable "input_suffix" {
  description = "Classic OBS trigger only: only keys ending with this suffix trigger the function (empty: all), e.g. .jsonl."
  type        = string
  default     = ""
}

variable "output_prefix" {
  description = "Key prefix of the re-encrypted objects in the output bucket (OUTPUT_PREFIX)."
  type        = string
  default     = "reencrypted/"

  validation {
    condition     = var.output_prefix != "" && !startswith(var.output_prefix, "/")
    error_message = "output_prefix must not be empty (the function refuses an output location without a prefix) and must not start with '/'."
  }
}

variable "force_destroy_buckets" {
  description = "Let `terraform destroy` delete the input and output buckets with everything in them (the work and code buckets are always emptied)."
  type        = bool
  default     = false
}

variable "function_jar_path" {
  description = "The FunctionGraph jar built by `mvn -B package` (empty: ../function/target/reencrypt-function-fgs.jar)."
  type        = string
  default     = ""
}

# ---------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------

variable "source_key_ids" {
  description = "Existing KMS key IDs the ciphertexts are under now. Empty: one source key is created."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for id in var.source_key_ids : can(regex("^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$", id))])
    error_message = "source_key_ids: KMS key IDs such as 0d0466b0-e727-4d9c-b35d-f84bb474a37f, no empty strings."
  }
}

variable "destination_key_id" {
  description = "Existing KMS key ID to re-encrypt into. Empty: a destination key is created."
  type        = string
  default     = ""

  validation {
    condition     = var.destination_key_id == "" || can(regex("^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$", var.destination_key_id))
    error_message = "destination_key_id: empty, or a KMS key ID such as bb6a3d22-dc93-47ac-b5bd-88df7ad35f1e."
  }
}

variable "key_algorithm" {
  description = "Algorithm of the keys created here (AES_256, SM4, RSA_2048, RSA_3072, RSA_4096, SM2)."
  type        = string
  default     = "AES_256"

  validation {
    condition     = contains(["AES_256", "SM4", "RSA_2048", "RSA_3072", "RSA_4096", "SM2"], var.key_algorithm)
    error_message = "key_algorithm must be an encrypt/decrypt key spec: AES_256, SM4, RSA_2048, RSA_3072, RSA_4096 or SM2."
  }
}

variable "key_pending_days" {
  description = "Days a created key waits in pending deletion after `terraform destroy` (7-1096)."
  type        = string
  default     = "7"

  validation {
    condition     = can(regex("^[0-9]{1,4}$", var.key_pending_days)) && try(tonumber(var.key_pending_days) >= 7 && tonumber(var.key_pending_days) <= 1096, false)
    error_message = "key_pending_days must be a whole number of days from 7 to 1096."
  }
}

variable "destination_encryption_algorithm" {
  description = "DESTINATION_ENCRYPTION_ALGORITHM for objects and manifest lines."
  type        = string
  default     = "SYMMETRIC_DEFAULT"

  validation {
    condition     = contains(["SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_256", "RSAES_OAEP_SHA_1", "SM2_ENCRYPT"], var.destination_encryption_algorithm)
    error_message = "destination_encryption_algorithm: SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_256, RSAES_OAEP_SHA_1 or SM2_ENCRYPT."
  }
}

# A variable's validation may not read another variable before Terraform 1.9
# (versions.tf allows 1.5), so the key and encryption algorithms are compared
# here and held together by a precondition on the created destination key
# (keys.tf). An existing destination key (destination_key_id) is not looked up.
locals {
  # The key spec : encryption algorithm pairs KMS accepts.
  destination_algorithm_fits_key = contains(["AES_256:SYMMETRIC_DEFAULT", "SM4:SYMMETRIC_DEFAULT", "RSA_2048:RSAES_OAEP_SHA_256", "RSA_2048:RSAES_OAEP_SHA_1", "RSA_3072:RSAES_OAEP_SHA_256", "RSA_3072:RSAES_OAEP_SHA_1", "RSA_4096:RSAES_OAEP_SHA_256", "RSA_4096:RSAES_OAEP_SHA_1", "SM2:SM2_ENCRYPT"], "${var.key_algorithm}:${var.destination_encryption_algorithm}")
}

# ---------------------------------------------------------------------------
# Sizing (sizing.tf explains how these numbers combine)
# ---------------------------------------------------------------------------

variable "kms_account_tps_quota" {
  description = "KMS data-plane requests/s the account may make (Huawei default: 1000 TPS per account)."
  type        = number
  default     = 1000
}

variable "kms_quota_share_percent" {
  description = "Share of the KMS quota this deployment may use; the rest is headroom for other KMS clients."
  type        = number
  default     = 80

  validation {
    condition     = var.kms_quota_share_percent >= 1 && var.kms_quota_share_percent <= 90
    error_message = "kms_quota_share_percent must be 1-90: always leave headroom for other KMS callers."
  }
}

variable "api_function_memory_mb" {
  description = "Memory of the API function in MB (FunctionGraph scales CPU with memory)."
  type        = number
  default     = 512

  validation {
    condition     = var.api_function_memory_mb == floor(var.api_function_memory_mb) && var.api_function_memory_mb >= 128 && var.api_function_memory_mb <= 32768
    error_message = "api_function_memory_mb must be a whole number of MB from 128 to 32768; FunctionGraph itself refuses sizes it does not offer in the region."
  }
}

variable "api_function_timeout_s" {
  description = "Timeout of the API function in seconds; the gateway waits 5 s longer (at most 60 s in all)."
  type        = number
  default     = 55

  validation {
    condition     = var.api_function_timeout_s >= 3 && var.api_function_timeout_s <= 55
    error_message = "api_function_timeout_s must be 3-55: the gateway backend timeout (function + 5 s) may not exceed 60 s."
  }
}

variable "api_max_instances" {
  description = "Most API function instances running at once: its max_instance_num and MAX_INSTANCES."
  type        = number
  default     = 4

  validation {
    condition     = var.api_max_instances >= 1 && var.api_max_instances <= 1000 && floor(var.api_max_instances) == var.api_max_instances
    error_message = "api_max_instances must be a whole number from 1 to 1000 (FunctionGraph's and MAX_INSTANCES' range)."
  }
}

variable "obs_function_memory_mb" {
  description = "Memory of the OBS function in MB. Manifests stream, so this does not limit their size."
  type        = number
  default     = 512

  validation {
    condition     = var.obs_function_memory_mb == floor(var.obs_function_memory_mb) && var.obs_function_memory_mb >= 128 && var.obs_function_memory_mb <= 32768
    error_message = "obs_function_memory_mb must be a whole number of MB from 128 to 32768; FunctionGraph itself refuses sizes it does not offer in the region."
  }
}

variable "obs_function_timeout_s" {
  description = "Timeout of the OBS function in seconds: one invocation runs at least one part (900 works in every region; some allow up to 259200)."
  type        = number
  default     = 900

  validation {
    condition     = var.obs_function_timeout_s >= 120 && var.obs_function_timeout_s <= 259200
    error_message = "obs_function_timeout_s must be 120-259200."
  }
}

variable "obs_max_instances" {
  description = "Most OBS function instances running at once: its max_instance_num and MAX_INSTANCES, over which jobs fan out and KMS_TOTAL_TPS is divided."
  type        = number
  default     = 2

  validation {
    condition     = var.obs_max_instances >= 1 && var.obs_max_instances <= 1000 && floor(var.obs_max_instances) == var.obs_max_instances
    error_message = "obs_max_instances must be a whole number from 1 to 1000 (FunctionGraph's and MAX_INSTANCES' range)."
  }
}

variable "part_bytes" {
  description = "PART_BYTES: manifest bytes one invocation re-encrypts before it checkpoints; the OBS function's timeout must fit one part (sizing.tf)."
  type        = number
  default     = 8388608

  validation {
    condition     = var.part_bytes >= 1024 && floor(var.part_bytes) == var.part_bytes
    error_message = "part_bytes must be a whole number of bytes, at least 1024 (the function's own minimum)."
  }
}

variable "fanout_bytes" {
  description = "FANOUT_BYTES: manifests larger than this are split into even ranges of at most this size, each run by its own invocation (at most obs_max_instances at once)."
  type        = number
  default     = 67108864

  validation {
    condition     = var.fanout_bytes >= 1024 && floor(var.fanout_bytes) == var.fanout_bytes
    error_message = "fanout_bytes must be a whole number of bytes, at least 1024 (the function's own minimum)."
  }
}

variable "manifest_lines_per_second" {
  description = "Measured manifest lines/s of one OBS instance, when lower than its KMS rate (0: assume KMS_TOTAL_TPS / MAX_INSTANCES)."
  type        = number
  default     = 0

  validation {
    condition     = var.manifest_lines_per_second >= 0
    error_message = "manifest_lines_per_second must be 0 (use KMS_MAX_TPS) or a measured rate."
  }
}

variable "log_retention_days" {
  description = "Days LTS keeps the function logs (1-365)."
  type        = number
  default     = 30

  validation {
    condition     = var.log_retention_days >= 1 && var.log_retention_days <= 365 && floor(var.log_retention_days) == var.log_retention_days
    error_message = "log_retention_days must be a whole number of days from 1 to 365."
  }
}

# ---------------------------------------------------------------------------
# Asynchronous invocation of the OBS function (async.tf)
# ---------------------------------------------------------------------------

variable "async_max_retries" {
  description = "Times FunctionGraph retries an object event whose invocation failed (0-3)."
  type        = number
  default     = 3

  validation {
    condition     = var.async_max_retries >= 0 && var.async_max_retries <= 3 && floor(var.async_max_retries) == var.async_max_retries
    error_message = "async_max_retries must be 0, 1, 2 or 3."
  }
}

variable "async_max_event_age_s" {
  description = "Seconds an object event may wait (queued behind busy instances, or between retries) before FunctionGraph gives up on it (60-86400)."
  type        = number
  default     = 86400

  validation {
    condition     = var.async_max_event_age_s >= 60 && var.async_max_event_age_s <= 86400
    error_message = "async_max_event_age_s must be 60-86400."
  }
}

variable "async_failure_prefix" {
  description = "Key prefix in the output bucket where FunctionGraph records each event whose retries ran out (apart from output_prefix)."
  type        = string
  default     = "async-failures/"

  validation {
    condition     = can(regex("^[^/].*/$", var.async_failure_prefix))
    error_message = "async_failure_prefix must be a folder such as async-failures/: not empty, ending in '/', not starting with '/'."
  }
}

variable "async_failure_retention_days" {
  description = "Days the records of failed events are kept (1-365)."
  type        = number
  default     = 30

  validation {
    condition     = var.async_failure_retention_days >= 1 && var.async_failure_retention_days <= 365
    error_message = "async_failure_retention_days must be 1-365."
  }
}

# ---------------------------------------------------------------------------
# API Gateway (dedicated instance)
# ---------------------------------------------------------------------------

variable "apig_instance_id" {
  description = "ID of an existing dedicated API Gateway instance to use. Empty: a new one is created."
  type        = string
  default     = ""
}

variable "apig_vpc_id" {
  description = "VPC of a new gateway instance (needed when apig_instance_id is empty)."
  type        = string
  default     = ""
}

variable "apig_subnet_id" {
  description = "Subnet (network ID) of a new gateway instance."
  type        = string
  default     = ""
}

variable "apig_security_group_id" {
  description = "Security group of a new gateway instance; it must allow inbound HTTPS (443)."
  type        = string
  default     = ""
}

variable "apig_availability_zones" {
  description = "Availability zones of a new gateway instance, e.g. [\"cn-north-4a\"]."
  type        = list(string)
  default     = []
}

variable "api_allowed_domain_ids" {
  description = "Account (domain) IDs, besides the deploying account's, whose IAM users may call the APIs. The gateway refuses every other account (api.tf, api_callers)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for id in var.api_allowed_domain_ids : can(regex("^[0-9a-zA-Z]{32}$", id))])
    error_message = "api_allowed_domain_ids: account (domain) IDs, 32 letters or digits each, as IAM's \"My Credentials\" page shows them."
  }
}

variable "apig_edition" {
  description = "Edition of a new gateway instance (BASIC is the smallest)."
  type        = string
  default     = "BASIC"

  # The editions the provider documents for huaweicloud_apig_instance (1.97).
  validation {
    condition     = contains(["BASIC", "PROFESSIONAL", "ENTERPRISE", "PLATINUM", "BASIC_IPV6", "PROFESSIONAL_IPV6", "ENTERPRISE_IPV6", "PLATINUM_IPV6", "NLB_BASIC", "NLB_PROFESSIONAL", "NLB_ENTERPRISE", "NLB_PLATINUM", "NLB_BASIC_IPV6", "NLB_PROFESSIONAL_IPV6", "NLB_ENTERPRISE_IPV6", "NLB_PLATINUM_IPV6"], var.apig_edition)
    error_message = "apig_edition must be an edition of huaweicloud_apig_instance, e.g. BASIC, PROFESSIONAL, ENTERPRISE or PLATINUM (optionally _IPV6, or NLB_...)."
  }
}

variable "apig_ingress_bandwidth_mbit" {
  description = "Public inbound bandwidth of a new gateway instance in Mbit/s."
  type        = number
  default     = 5
}

variable "apig_ingress_charging_mode" {
  description = "How public inbound traffic of a new instance is billed: traffic (per GB) or bandwidth (per hour)."
  type        = string
  default     = "traffic"

  validation {
    condition     = contains(["traffic", "bandwidth"], var.apig_ingress_charging_mode)
    error_message = "apig_ingress_charging_mode must be traffic or bandwidth."
  }
}

variable "jobs_api_enabled" {
  description = "Open GET and DELETE /v1.0/{project_id}/kms/jobs/{id} (job status and cancel) on the gateway, and let the API function read job status and write cancel markers in the work location. Sweeps also need sweep_allowed_buckets."
  type        = bool
  default     = false
}

variable "sweep_allowed_buckets" {
  description = "Buckets POST /v1.0/{project_id}/kms/jobs/sweep may sweep (SWEEP_ALLOWED_BUCKETS), with jobs_api_enabled. Each is granted, by name, listing to both functions and reading to the OBS function. Empty: no sweep route, no grant."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for name in var.sweep_allowed_buckets : can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", name))])
    error_message = "sweep_allowed_buckets: bucket names only, 3-63 characters, lower-case letters, digits, hyphens and periods (no wildcards)."
  }
}

variable "max_running_jobs" {
  description = "MAX_RUNNING_JOBS: sweeps that may run at once; starting another answers 409."
  type        = number
  default     = 2

  validation {
    condition     = var.max_running_jobs >= 1 && var.max_running_jobs <= 1000 && floor(var.max_running_jobs) == var.max_running_jobs
    error_message = "max_running_jobs must be a whole number from 1 to 1000."
  }
}
