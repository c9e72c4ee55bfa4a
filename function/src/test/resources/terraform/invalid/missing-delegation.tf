# expect: huaweicloud_identity_agency.bad: missing delegated_domain_name (required by the provider documentation)
resource "huaweicloud_identity_agency" "bad" {
  name         = "agency"
  domain_roles = ["role"]
}
