# expect: huaweicloud_lts_group.bad: unknown argument or block retention
resource "huaweicloud_lts_group" "bad" {
  group_name  = "logs"
  ttl_in_days = 7
  retention   = 7
}
