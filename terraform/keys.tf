# The keys ciphertexts are re-encrypted from and into: created here, or taken
# from variables when they already exist. Either way the function is only
# allowed to use these keys (ALLOWED_*_KEY_IDS in its configuration, and the
# Resource of its KMS policy in access.tf).

resource "huaweicloud_kms_key" "source" {
  count = length(var.source_key_ids) == 0 ? 1 : 0

  key_alias       = "${var.name_prefix}-source"
  key_description = "Ciphertexts under this key are re-encrypted by ${var.name_prefix}."
  key_algorithm   = var.key_algorithm
  key_usage       = "ENCRYPT_DECRYPT"
  pending_days    = var.key_pending_days
  tags            = var.tags
}

resource "huaweicloud_kms_key" "destination" {
  count = var.destination_key_id == "" ? 1 : 0

  key_alias       = "${var.name_prefix}-destination"
  key_description = "${var.name_prefix} re-encrypts ciphertexts into this key."
  key_algorithm   = var.key_algorithm
  key_usage       = "ENCRYPT_DECRYPT"
  pending_days    = var.key_pending_days
  tags            = var.tags

  lifecycle {
    # An RSA key with SYMMETRIC_DEFAULT (or any mismatch) would fail every
    # object at run time.
    precondition {
      condition     = local.destination_algorithm_fits_key
      error_message = "destination_encryption_algorithm does not fit key_algorithm: AES_256 and SM4 take SYMMETRIC_DEFAULT, RSA_* take RSAES_OAEP_SHA_256 or RSAES_OAEP_SHA_1, SM2 takes SM2_ENCRYPT."
    }
  }
}

locals {
  source_key_ids     = length(var.source_key_ids) > 0 ? var.source_key_ids : huaweicloud_kms_key.source[*].id
  destination_key_id = var.destination_key_id != "" ? var.destination_key_id : huaweicloud_kms_key.destination[0].id
  function_key_ids   = distinct(concat(local.source_key_ids, [local.destination_key_id]))
}
