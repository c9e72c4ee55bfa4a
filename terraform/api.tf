# KMS's own URL shape on a dedicated API Gateway, IAM-authenticated (callers
# send an IAM token, as they do to KMS), backed synchronously by the API
# function and published to the built-in RELEASE environment, which callers
# reach without an X-Stage header.
#
# IAM authentication alone admits an IAM token of ANY Huawei Cloud account,
# while the function re-encrypts with its own agency's KMS rights. So every
# published API is bound to an access-control policy that admits only the
# deploying account and the accounts in api_allowed_domain_ids (api_acl below).

locals {
  # Wire paths: KmsOperation.RE_ENCRYPT.path() and the batch extension.
  kms_api_routes = {
    re_encrypt       = "/v1.0/{project_id}/kms/re-encrypt"
    batch_re_encrypt = "/v1.0/{project_id}/kms/batch-re-encrypt"
  }
  # The jobs API (JOBS_API_ENABLED): a manifest job's status, and cancelling it.
  # Only created with jobs_api_enabled.
  jobs_api_path = "/v1.0/{project_id}/kms/jobs/{id}"
  jobs_api_routes = {
    get_job    = { method = "GET", path = local.jobs_api_path }
    cancel_job = { method = "DELETE", path = local.jobs_api_path }
  }
  # Starting a sweep (docs/sweeps.md): only with sweeps enabled (sweeps.tf).
  sweep_api_path = "/v1.0/{project_id}/kms/jobs/sweep"
  sweep_api_routes = {
    start_sweep = local.sweep_api_path
  }
  apig_release_environment_id = "DEFAULT_ENVIRONMENT_RELEASE_ID"
  apig_instance_id            = var.apig_instance_id != "" ? var.apig_instance_id : huaweicloud_apig_instance.gateway[0].id
}

# Only when no existing instance is given. A dedicated instance is billed per
# hour whether or not it serves a request (see docs/readme/terraform.md).
resource "huaweicloud_apig_instance" "gateway" {
  count = var.apig_instance_id == "" ? 1 : 0

  name                            = "${replace(var.name_prefix, "-", "_")}_gateway"
  edition                         = var.apig_edition
  vpc_id                          = var.apig_vpc_id
  subnet_id                       = var.apig_subnet_id
  security_group_id               = var.apig_security_group_id
  availability_zones              = var.apig_availability_zones
  ingress_bandwidth_size          = var.apig_ingress_bandwidth_mbit
  ingress_bandwidth_charging_mode = var.apig_ingress_charging_mode
  description                     = "API gateway of ${var.name_prefix}."
  tags                            = var.tags

  lifecycle {
    precondition {
      condition     = var.apig_vpc_id != "" && var.apig_subnet_id != "" && var.apig_security_group_id != "" && length(var.apig_availability_zones) > 0
      error_message = "A new gateway instance needs apig_vpc_id, apig_subnet_id, apig_security_group_id and apig_availability_zones (or set apig_instance_id)."
    }
  }
}

resource "huaweicloud_apig_group" "kms" {
  instance_id = local.apig_instance_id
  name        = "${var.name_prefix}-kms"
  description = "KMS-compatible re-encryption API of ${var.name_prefix}."
}

# The POST routes: KMS's, and starting a sweep when sweeps are enabled (the
# jobs API on and a bucket allowed, sweeps.tf).
resource "huaweicloud_apig_api" "kms" {
  for_each = merge(local.kms_api_routes, local.sweeps_enabled ? local.sweep_api_routes : {})

  instance_id             = local.apig_instance_id
  group_id                = huaweicloud_apig_group.kms.id
  name                    = "${replace(var.name_prefix, "-", "_")}_${each.key}"
  type                    = "Public"
  request_protocol        = "HTTPS"
  request_method          = "POST"
  request_path            = each.value
  matching                = "Exact"
  security_authentication = "IAM"
  # The function decodes the Base64 body APIG sends by default.
  is_send_fg_body_base64 = true
  description            = "POST ${each.value}, answered by the ${var.name_prefix}-api function."

  request_params {
    name     = "project_id"
    type     = "STRING"
    location = "PATH"
    required = true
  }

  func_graph {
    function_urn    = huaweicloud_fgs_function.api.urn
    version         = "latest"
    invocation_type = "sync"
    timeout         = local.api_backend_timeout_ms
  }
}

resource "huaweicloud_apig_api_publishment" "kms" {
  for_each = huaweicloud_apig_api.kms

  instance_id = local.apig_instance_id
  env_id      = local.apig_release_environment_id
  api_id      = each.value.id
  description = "Published by Terraform (${var.name_prefix})."
}

# The group's system-assigned domain name is only exposed by this data source.
data "huaweicloud_apig_groups" "kms" {
  instance_id = local.apig_instance_id
  group_id    = huaweicloud_apig_group.kms.id
}

# GET and DELETE /v1.0/{project_id}/kms/jobs/{id}, when jobs_api_enabled: the
# same gateway, group, authentication (IAM) and function as the KMS routes.
resource "huaweicloud_apig_api" "jobs" {
  for_each = var.jobs_api_enabled ? local.jobs_api_routes : {}

  instance_id             = local.apig_instance_id
  group_id                = huaweicloud_apig_group.kms.id
  name                    = "${replace(var.name_prefix, "-", "_")}_${each.key}"
  type                    = "Public"
  request_protocol        = "HTTPS"
  request_method          = each.value.method
  request_path            = each.value.path
  matching                = "Exact"
  security_authentication = "IAM"
  is_send_fg_body_base64  = true
  description             = "${each.value.method} ${each.value.path}, answered by the ${var.name_prefix}-api function."

  request_params {
    name     = "project_id"
    type     = "STRING"
    location = "PATH"
    required = true
  }

  request_params {
    name     = "id"
    type     = "STRING"
    location = "PATH"
    required = true
  }

  func_graph {
    function_urn    = huaweicloud_fgs_function.api.urn
    version         = "latest"
    invocation_type = "sync"
    timeout         = local.api_backend_timeout_ms
  }
}

resource "huaweicloud_apig_api_publishment" "jobs" {
  for_each = huaweicloud_apig_api.jobs

  instance_id = local.apig_instance_id
  env_id      = local.apig_release_environment_id
  api_id      = each.value.id
  description = "Published by Terraform (${var.name_prefix})."
}

# The deploying account: IAM's GET /v3/auth/domains for the provider's
# credentials; the data source's id is that account's domain ID.
data "huaweicloud_account" "current" {}

locals {
  api_allowed_domain_ids = distinct(concat([data.huaweicloud_account.current.id], var.api_allowed_domain_ids))
  # Every published API: the KMS routes, the sweep route and the jobs routes.
  api_publish_ids = concat(values(huaweicloud_apig_api_publishment.kms)[*].publish_id, values(huaweicloud_apig_api_publishment.jobs)[*].publish_id)
}

# Only IAM users of the deploying account (and of api_allowed_domain_ids) may
# call the APIs: an account-ID (DOMAIN_ID) whitelist, which API Gateway applies
# to IAM-authenticated APIs. Callers of any other account are refused by the
# gateway before the function runs.
resource "huaweicloud_apig_acl_policy" "api_callers" {
  instance_id = local.apig_instance_id
  name        = "${replace(var.name_prefix, "-", "_")}_api_callers"
  type        = "PERMIT"
  entity_type = "DOMAIN_ID"
  value       = join(",", local.api_allowed_domain_ids)
}

# One association per policy (the provider allows no more), holding every
# published API.
resource "huaweicloud_apig_acl_policy_associate" "api_callers" {
  instance_id = local.apig_instance_id
  policy_id   = huaweicloud_apig_acl_policy.api_callers.id
  publish_ids = local.api_publish_ids
}
