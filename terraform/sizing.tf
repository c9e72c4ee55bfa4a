# How fast the functions may call KMS, how long a batch and a manifest may take,
# and the numbers derived from that. Every number here is a local so the
# explanation sits next to the arithmetic.

locals {
  # KMS data plane: 1000 requests/s per account by default (ReEncrypt included),
  # shared by every caller in the account. We take kms_quota_share_percent of it
  # (default 80 % = 800/s) and leave the rest for other clients and for retries.
  kms_tps_budget = floor(var.kms_account_tps_quota * var.kms_quota_share_percent / 100)

  # KMS_MAX_TPS is a per-instance limit, and a Java function instance serves one
  # request at a time, so the worst case is every instance of both functions
  # calling at once. Default: 800 / (4 + 2) = 133 requests/s per instance.
  max_function_instances = var.api_max_instances + var.obs_max_instances
  kms_max_tps            = floor(local.kms_tps_budget / local.max_function_instances)

  # API: a full batch is 1000 ReEncrypt requests. At 133/s that is 8 s; the API
  # function's timeout (default 55 s) must also cover a Java cold start (~10 s)
  # and backoff after throttling, hence the 15 s margin checked in function.tf.
  # The gateway waits 5 s longer than the function so the function's own error
  # response, not a gateway 504, reaches the caller. 60 s is the dedicated
  # gateway's default ceiling for a backend timeout.
  batch_max_requests     = 1000
  batch_seconds          = ceil(local.batch_max_requests / local.kms_max_tps)
  api_backend_timeout_ms = (var.api_function_timeout_s + 5) * 1000

  # OBS: a manifest must finish inside one invocation (MAX_MANIFEST_BYTES makes
  # bigger ones fail fast instead of timing out half way).
  #   lines per invocation = lines/s x usable seconds
  #   usable seconds       = timeout - 60 s (cold start, reading the first
  #                          bytes, writing the output object at the end)
  #   bytes per line       >= 256: the smallest line that costs a KMS call holds
  #                          the smallest KMS ciphertext (a 1-byte data key is a
  #                          125-byte blob = 250 hex characters) plus the JSON
  #                          around it; shorter lines fail without calling KMS.
  # Default: 133 lines/s x 840 s x 256 B = 28,600,320 bytes (~27 MiB, ~111,000
  # lines). Raise obs_function_timeout_s where the region allows longer runs;
  # lower manifest_lines_per_second if measured throughput is below KMS_MAX_TPS
  # (e.g. when KMS latency, not the rate limit, bounds one invocation).
  manifest_lines_per_second = var.manifest_lines_per_second > 0 ? min(var.manifest_lines_per_second, local.kms_max_tps) : local.kms_max_tps
  manifest_reserved_seconds = 60
  manifest_usable_seconds   = max(0, var.obs_function_timeout_s - local.manifest_reserved_seconds)
  min_manifest_line_bytes   = 256
  max_manifest_bytes        = local.manifest_lines_per_second * local.manifest_usable_seconds * local.min_manifest_line_bytes
}
