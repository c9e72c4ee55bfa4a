# expect: huaweicloud_apig_api.bad: missing required func_graph.function_urn
resource "huaweicloud_apig_api" "bad" {
  instance_id      = "i"
  group_id         = "g"
  type             = "Public"
  name             = "api"
  request_method   = "POST"
  request_path     = "/x"
  request_protocol = "HTTPS"

  func_graph {
    version = "latest"
  }
}
