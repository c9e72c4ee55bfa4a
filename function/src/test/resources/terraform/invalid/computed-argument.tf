# expect: huaweicloud_kms_key.bad: key_state is computed-only and cannot be set
resource "huaweicloud_kms_key" "bad" {
  key_alias = "k"
  key_state = "2"
}
