# expect: huaweicloud_fgs_function.bad: missing handler (required by the provider documentation)
resource "huaweicloud_fgs_function" "bad" {
  name        = "f"
  app         = "default"
  runtime     = "Java17"
  code_type   = "obs"
  code_url    = "https://b.obs.example.com/f.zip"
  memory_size = 512
  timeout     = 30
}
