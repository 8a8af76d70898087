data "azurerm_user_assigned_identity" "example" {
  name                = "name_of_user_assigned_identity"
  resource_group_name = "name_of_resource_group"
}

output "uai_client_id" {
  value = data.azurerm_user_assigned_identity.example.client_id
}

output "uai_principal_id" {
  value = data.azurerm_user_assigned_identity.example.principal_id
}

output "uai_tenant_id" {
  value = data.azurerm_user_assigned_identity.example.tenant_id
}
