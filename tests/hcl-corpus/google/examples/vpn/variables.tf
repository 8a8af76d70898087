variable "project" {
  description = "Your project name"
}

variable "region1" {
  description = "The desired region for the first network & VPN and project"
}

variable "region2" {
  description = "The desired region for the second network & VPN"
}
