# expect: huaweicloud_fgs_function.bad: pre_stop_handler is internal (undocumented)
resource "huaweicloud_fgs_function" "bad" {
  name             = "f"
  app              = "default"
  runtime          = "Java17"
  handler          = "a.B.c"
  code_type        = "obs"
  code_url         = "https://b.obs.example.com/f.zip"
  memory_size      = 512
  timeout          = 30
  pre_stop_handler = "a.B.stop"
}
