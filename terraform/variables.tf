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

variable "input_prefix" {
  description = "Only objects created under this key prefix of the input bucket trigger the function (empty: all)."
  type        = string
  default     = "incoming/"
}

variable "input_suffix" {
  description = "Only objects whose key ends with this suffix trigger the function (empty: all), e.g. .jsonl."
  type        = string
  default     = ""
}

variable "output_prefix" {
  description = "Key prefix of the re-encrypted objects in the output bucket (OUTPUT_PREFIX)."
  type        = string
  default     = "reencrypted/"

  validation {
    condition     = var.output_prefix != ""
    error_message = "output_prefix must not be empty: the function refuses an output location without a prefix."
  }
}

variable "force_destroy_buckets" {
  description = "Let `terraform destroy` delete the input and output buckets with everything in them."
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
}

variable "destination_key_id" {
  description = "Existing KMS key ID to re-encrypt into. Empty: a destination key is created."
  type        = string
  default     = ""
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
  description = "Most API function instances running at once (each gets KMS_MAX_TPS)."
  type        = number
  default     = 4

  validation {
    condition     = var.api_max_instances >= 1
    error_message = "api_max_instances must be at least 1."
  }
}

variable "obs_function_memory_mb" {
  description = "Memory of the OBS function in MB. Manifests stream, so this does not limit their size."
  type        = number
  default     = 512
}

variable "obs_function_timeout_s" {
  description = "Timeout of the OBS function in seconds (900 works in every region; some allow up to 259200)."
  type        = number
  default     = 900

  validation {
    condition     = var.obs_function_timeout_s >= 120 && var.obs_function_timeout_s <= 259200
    error_message = "obs_function_timeout_s must be 120-259200."
  }
}

variable "obs_max_instances" {
  description = "Most OBS function instances running at once (each gets KMS_MAX_TPS)."
  type        = number
  default     = 2

  validation {
    condition     = var.obs_max_instances >= 1
    error_message = "obs_max_instances must be at least 1."
  }
}

variable "manifest_lines_per_second" {
  description = "Measured manifest lines/s of one OBS invocation, when lower than KMS_MAX_TPS (0: assume KMS_MAX_TPS)."
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

variable "apig_edition" {
  description = "Edition of a new gateway instance (BASIC is the smallest)."
  type        = string
  default     = "BASIC"
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
