# Object-created events invoke the OBS function from two places:
#   - the input bucket, where files to re-encrypt are dropped;
#   - the work bucket, where the function itself writes continuation and range
#     objects that run the next invocation of a manifest job. Every object
#     created there must arrive: no suffix filter, and no prefix filter other
#     than the work prefix.
# Results go to the output bucket, which no trigger watches, so a result never
# re-triggers the function.
#
# object_trigger_type picks how the events travel:
#   EVENTGRID (default): an EventGrid subscription with OBS (HC.OBS.DWR) as its
#     source, the way the provider's own OBS example does it. Huawei's API
#     reference (2025-10-31) says the classic OBS trigger type is not offered
#     on the Chinese site, and older international and EU pages say the same
#     for their regions. It filters on no key: the whole bucket is watched.
#   OBS: the classic trigger, with prefix and suffix filters, where offered.
# The classic trigger invokes the function asynchronously, and the EventGrid
# one is taken to do the same (terraform/README.md, what cannot be proven):
# async.tf sets the retries.

locals {
  # EventGrid OBS event types: all four ways an object is created. Large
  # manifests arrive as multipart uploads.
  eventgrid_object_created = [
    "OBS:DWR:ObjectCreated:PUT",
    "OBS:DWR:ObjectCreated:POST",
    "OBS:DWR:ObjectCreated:COPY",
    "OBS:DWR:ObjectCreated:CompleteMultipartUpload",
  ]
}

# The region's built-in channel that cloud-service events (OBS among them)
# arrive on.
data "huaweicloud_eg_event_channels" "official" {
  count = var.object_trigger_type == "EVENTGRID" ? 1 : 0

  provider_type = "OFFICIAL"
  name          = "default"

  lifecycle {
    postcondition {
      condition     = length(self.channels) == 1
      error_message = "EventGrid has no OFFICIAL default channel in this region: enable EventGrid there, or set object_trigger_type = \"OBS\"."
    }
  }
}

# What an EventGrid trigger's subscription is made of besides its bucket, and
# what the triggers ignore in event_data (see below): a change of any of these
# replaces both EventGrid triggers.
resource "terraform_data" "eventgrid_trigger_settings" {
  count = var.object_trigger_type == "EVENTGRID" ? 1 : 0

  triggers_replace = {
    channel_id   = try(data.huaweicloud_eg_event_channels.official[0].channels[0].id, "")
    channel_name = try(data.huaweicloud_eg_event_channels.official[0].channels[0].name, "")
    agency       = var.eventgrid_trigger_agency_name
    event_types  = local.eventgrid_object_created
  }
}

resource "huaweicloud_fgs_function_trigger" "input_objects_eventgrid" {
  count = var.object_trigger_type == "EVENTGRID" ? 1 : 0

  function_urn                   = huaweicloud_fgs_function.obs.urn
  type                           = "EVENTGRID"
  cascade_delete_eg_subscription = true
  event_data = jsonencode({
    channel_id   = try(data.huaweicloud_eg_event_channels.official[0].channels[0].id, "")
    channel_name = try(data.huaweicloud_eg_event_channels.official[0].channels[0].name, "")
    source_name  = "HC.OBS.DWR"
    trigger_name = "input"
    agency       = var.eventgrid_trigger_agency_name
    bucket       = huaweicloud_obs_bucket.input.bucket
    event_types  = local.eventgrid_object_created
    Key_encode   = true
  })

  lifecycle {
    # FunctionGraph does not echo every field of an EventGrid trigger's
    # event_data, so a refresh would otherwise plan a change every time.
    ignore_changes = [event_data]
    # Ignoring event_data must not hide a new bucket, agency, channel or
    # event types: a replaced (renamed) bucket or changed settings replace the
    # trigger instead of leaving it on the old ones. A bucket's id is its name,
    # and changes only when the bucket is replaced.
    replace_triggered_by = [huaweicloud_obs_bucket.input.id, terraform_data.eventgrid_trigger_settings[count.index]]
  }
}

resource "huaweicloud_fgs_function_trigger" "work_objects_eventgrid" {
  count = var.object_trigger_type == "EVENTGRID" ? 1 : 0

  function_urn                   = huaweicloud_fgs_function.obs.urn
  type                           = "EVENTGRID"
  cascade_delete_eg_subscription = true
  event_data = jsonencode({
    channel_id   = try(data.huaweicloud_eg_event_channels.official[0].channels[0].id, "")
    channel_name = try(data.huaweicloud_eg_event_channels.official[0].channels[0].name, "")
    source_name  = "HC.OBS.DWR"
    trigger_name = "work"
    agency       = var.eventgrid_trigger_agency_name
    bucket       = huaweicloud_obs_bucket.work.bucket
    event_types  = local.eventgrid_object_created
    Key_encode   = true
  })

  lifecycle {
    ignore_changes       = [event_data]
    replace_triggered_by = [huaweicloud_obs_bucket.work.id, terraform_data.eventgrid_trigger_settings[count.index]]
  }
}

resource "huaweicloud_fgs_function_trigger" "input_objects_obs" {
  count = var.object_trigger_type == "OBS" ? 1 : 0

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

resource "huaweicloud_fgs_function_trigger" "work_objects_obs" {
  count = var.object_trigger_type == "OBS" ? 1 : 0

  function_urn = huaweicloud_fgs_function.obs.urn
  type         = "OBS"
  event_data = jsonencode({
    name   = "${var.name_prefix}-work"
    bucket = huaweicloud_obs_bucket.work.bucket
    events = ["s3:ObjectCreated:*"]
    prefix = var.work_prefix
  })
}

# The EventGrid trigger cannot filter keys: say so rather than ignore a filter.
check "eventgrid_watches_the_whole_input_bucket" {
  assert {
    condition     = var.object_trigger_type != "EVENTGRID" || var.input_suffix == ""
    error_message = "input_suffix is set, but the EVENTGRID trigger filters on no key: every object created in the input bucket invokes the OBS function. Use object_trigger_type = \"OBS\" to filter, or leave input_suffix empty."
  }
}
