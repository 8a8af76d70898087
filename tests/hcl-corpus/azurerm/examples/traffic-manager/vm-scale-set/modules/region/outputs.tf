# Copyright IBM Corp. 2014, 2025
# SPDX-License-Identifier: MPL-2.0

output "public_ip_address_id" {
  value = "TODO"
}
