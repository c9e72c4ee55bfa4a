# expect: huaweicloud_fgs_function.bad: xrole is deprecated: use agency instead
resource "huaweicloud_fgs_function" "bad" {
  name        = "f"
  app         = "default"
  runtime     = "Java17"
  handler     = "a.B.c"
  code_type   = "obs"
  code_url    = "https://b.obs.example.com/f.zip"
  memory_size = 512
  timeout     = 30
  xrole       = "agency"
}
