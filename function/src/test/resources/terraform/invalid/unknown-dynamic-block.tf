# expect: huaweicloud_apig_group.bad: unknown argument or block url_domain
resource "huaweicloud_apig_group" "bad" {
  instance_id = "i"
  name        = "group"

  dynamic "url_domain" {
    for_each = var.domains
    content {
      name = url_domain.value
    }
  }
}
