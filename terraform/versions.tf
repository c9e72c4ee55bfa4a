terraform {
  required_version = ">= 1.5.0"

  required_providers {
    huaweicloud = {
      source  = "huaweicloud/huaweicloud"
      version = "~> 1.97"
    }
    # Wraps the FunctionGraph jar in the ZIP that OBS-hosted Java code must be.
    archive = {
      source  = "hashicorp/archive"
      version = "~> 2.7"
    }
  }
}

# Credentials come from the environment (HW_ACCESS_KEY / HW_SECRET_KEY, or a profile).
provider "huaweicloud" {
  region = var.region
}
