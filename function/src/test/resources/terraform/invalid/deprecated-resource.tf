# expect: huaweicloud_fgs_trigger.bad: deprecated resource type
resource "huaweicloud_fgs_trigger" "bad" {
  function_urn = "urn"
  type         = "OBS"

  obs {
    bucket_name             = "b"
    event_notification_name = "n"
    events                  = ["ObjectCreated"]
  }
}
