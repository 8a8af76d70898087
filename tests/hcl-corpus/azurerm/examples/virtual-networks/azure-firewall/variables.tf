# Copyright IBM Corp. 2014, 2025
# SPDX-License-Identifier: MPL-2.0

variable "adminUsername" {
  description = "The username for local admin on windows vm"
}

variable "adminPassword" {
  description = "The password for local admin on windows vm"
}