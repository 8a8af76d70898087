# Copyright IBM Corp. 2014, 2025
# SPDX-License-Identifier: MPL-2.0

output "id" {
  value = azurerm_iothub.example.id
}
