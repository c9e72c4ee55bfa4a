# How fast the functions may call KMS, how long a batch and a manifest part may
# take, and the numbers derived from that. Every number here is a local so the
# explanation sits next to the arithmetic; the preconditions in function.tf
# only compare these locals.

locals {
  # KMS data plane: 1000 requests/s per account by default (ReEncrypt included),
  # shared by every caller in the account. The deployment takes
  # kms_quota_share_percent of it (default 80 % = 800/s) and leaves the rest for
  # other clients and for retries. This is the deployment-wide KMS budget.
  kms_tps_budget = floor(var.kms_account_tps_quota * var.kms_quota_share_percent / 100)

  # A Java function instance serves one request at a time, so the worst case is
  # every instance of both functions calling at once: the budget is divided by
  # all of them. Default: 800 / (4 + 2) = 133 requests/s per instance.
  max_function_instances = var.api_max_instances + var.obs_max_instances
  kms_max_tps            = floor(local.kms_tps_budget / local.max_function_instances)

  # Each function gets its instances' part of the budget as KMS_TOTAL_TPS, with
  # MAX_INSTANCES = its max_instance_num (the same variable), so each instance
  # takes KMS_TOTAL_TPS / MAX_INSTANCES = kms_max_tps, exactly. KMS_MAX_TPS is
  # set to the same figure as a per-instance cap. The two totals never exceed
  # the budget. Default: API 133 x 4 = 532/s, OBS 133 x 2 = 266/s.
  api_kms_total_tps = local.kms_max_tps * var.api_max_instances
  obs_kms_total_tps = local.kms_max_tps * var.obs_max_instances

  # API: a full batch is 1000 ReEncrypt requests. At 133/s that is 8 s; the API
  # function's timeout (default 55 s) must also cover a Java cold start (~10 s)
  # and backoff after throttling, hence the 15 s margin.
  # The gateway waits 5 s longer than the function so the function's own error
  # response, not a gateway 504, reaches the caller. 60 s is the dedicated
  # gateway's default ceiling for a backend timeout.
  batch_max_requests     = 1000
  batch_seconds          = ceil(local.batch_max_requests / local.kms_max_tps)
  api_backend_timeout_ms = (var.api_function_timeout_s + 5) * 1000
  api_timeout_fits_batch = var.api_function_timeout_s >= local.batch_seconds + 15

  # OBS: a manifest no longer has to finish inside one invocation. It runs as a
  # job in parts of PART_BYTES, each a checkpoint; an invocation that runs out
  # of time hands on to the next through a continuation object, and manifests
  # above FANOUT_BYTES are split into ranges run by up to obs_max_instances
  # invocations at once. What must fit one invocation is one part:
  #   part lines   = PART_BYTES / bytes per line
  #   bytes/line  >= 256: the smallest line that costs a KMS call holds the
  #                  smallest KMS ciphertext (a 1-byte data key is a 125-byte
  #                  blob = 250 hex characters) plus the JSON around it; shorter
  #                  lines fail without calling KMS. Small lines are the worst
  #                  case: most KMS calls per byte.
  #   part seconds = part lines / the instance's rate (KMS_TOTAL_TPS /
  #                  MAX_INSTANCES, or a lower measured manifest_lines_per_second)
  #   reserve      = 60 s for the cold start, reading the first bytes and
  #                  writing the part and the checkpoint.
  # Default: 8 MiB / 256 B = 32,768 lines, / 133 lines/s = 247 s, + 60 s = 307 s,
  # within the 900 s timeout. Raising obs_max_instances lowers each instance's
  # rate and so lengthens a part: lower part_bytes or raise the timeout then.
  manifest_lines_per_second = var.manifest_lines_per_second > 0 ? min(var.manifest_lines_per_second, local.kms_max_tps) : local.kms_max_tps
  manifest_reserved_seconds = 60
  min_manifest_line_bytes   = 256
  part_lines                = ceil(var.part_bytes / local.min_manifest_line_bytes)
  part_seconds              = ceil(local.part_lines / local.manifest_lines_per_second)
  obs_timeout_fits_one_part = var.obs_function_timeout_s >= local.part_seconds + local.manifest_reserved_seconds

  # Ranges are cut into parts, so a range is at least one part.
  fanout_holds_a_part = var.fanout_bytes >= var.part_bytes

  # Work objects expire work_expiry_days after they were last written. An event
  # may wait up to async_max_event_age_s (queued, or between retries) before it
  # runs; the job state it continues must still be there then.
  work_outlives_event_age = var.work_expiry_days * 86400 > var.async_max_event_age_s
}
