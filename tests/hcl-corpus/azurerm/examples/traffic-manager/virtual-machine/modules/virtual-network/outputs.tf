# Copyright IBM Corp. 2014, 2025
# SPDX-License-Identifier: MPL-2.0

output "subnet_id" {
  value = azurerm_subnet.example.id
}
