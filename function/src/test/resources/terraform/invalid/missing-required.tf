# expect: huaweicloud_obs_bucket_object.bad: missing required key
resource "huaweicloud_obs_bucket_object" "bad" {
  bucket  = "b"
  content = "c"
}
