# The trust of examples/azure-hardened-managed-identity (az CLI exports), as the Terraform that made it: a
# user-assigned managed identity whose one federated credential admits only acme/payments' main branch, by project id.

locals {
  gitlab_url = "https://gitlab.com"
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
  subject             = "project_id:${gitlab_project.payments.id}:ref_type:branch:ref:main"
}

# The GitLab side: the project renders its sub from its id (a renamed or re-registered path cannot reuse it), and
# main is protected for Maintainers.
import {
  to = gitlab_project.payments
  id = "4242"
}

resource "gitlab_project" "payments" {
  name                             = "payments"
  path                             = "payments"
  namespace_id                     = 72
  default_branch                   = "main"
  ci_id_token_sub_claim_components = ["project_id", "ref_type", "ref"]
}

resource "gitlab_branch_protection" "main" {
  project            = gitlab_project.payments.id
  branch             = "main"
  push_access_level  = "maintainer"
  merge_access_level = "maintainer"
}
