# The trust of examples/azure-hardened-managed-identity (az CLI exports), as the Terraform that made it: a
# user-assigned managed identity whose one federated credential admits only acme/payments' main branch.

locals {
  gitlab_url = "https://gitlab.com"
  project    = "acme/payments"
}

resource "azurerm_resource_group" "ci" {
  name     = "rg-ci"
  location = "westeurope"
}

resource "azurerm_user_assigned_identity" "ci" {
  name                = "id-ci"
  resource_group_name = azurerm_resource_group.ci.name
  location            = azurerm_resource_group.ci.location
}

resource "azurerm_federated_identity_credential" "gitlab_main" {
  name                = "gitlab-main"
  resource_group_name = azurerm_resource_group.ci.name
  parent_id           = azurerm_user_assigned_identity.ci.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = local.gitlab_url
  subject             = "project_path:${local.project}:ref_type:branch:ref:main"
}
