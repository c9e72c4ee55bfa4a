# expect: huaweicloud_fgs_functions.bad: type not in the provider schema snapshot
resource "huaweicloud_fgs_functions" "bad" {
  name = "f"
}
