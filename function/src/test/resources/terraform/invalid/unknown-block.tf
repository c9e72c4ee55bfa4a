# expect: huaweicloud_apig_api.bad: unknown argument or block func_graf
resource "huaweicloud_apig_api" "bad" {
  instance_id      = "i"
  group_id         = "g"
  type             = "Public"
  name             = "api"
  request_method   = "POST"
  request_path     = "/x"
  request_protocol = "HTTPS"

  func_graf {
    function_urn = "urn"
  }
}
