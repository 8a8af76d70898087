# Copyright IBM Corp. 2014, 2025
# SPDX-License-Identifier: MPL-2.0

output "fqdn" {
  value = azurerm_traffic_manager_profile.example.fqdn
}
