# Objects created under input_prefix (and ending with input_suffix) in the input
# bucket invoke the OBS function. Results go to the output bucket, which no
# trigger watches, so a result never re-triggers the function.

resource "huaweicloud_fgs_function_trigger" "input_objects" {
  function_urn = huaweicloud_fgs_function.obs.urn
  type         = "OBS"
  event_data = jsonencode({
    name   = "${var.name_prefix}-input"
    bucket = huaweicloud_obs_bucket.input.bucket
    events = ["s3:ObjectCreated:*"]
    prefix = var.input_prefix
    suffix = var.input_suffix
  })
}
