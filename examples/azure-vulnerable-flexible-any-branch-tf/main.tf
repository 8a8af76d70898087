# The trust of examples/azure-vulnerable-flexible-any-branch (Graph exports), as the Terraform that made it: a
# flexible federated credential whose claims-matching expression admits every branch of acme/payments, protected
# or not, so any Developer's feature branch gets the application.

resource "azuread_application" "ci_deployer" {
  display_name = "ci-deployer"
}

resource "azuread_application_flexible_federated_identity_credential" "gitlab_branches" {
  application_id             = azuread_application.ci_deployer.id
  display_name               = "gitlab-branches"
  audience                   = "api://AzureADTokenExchange"
  issuer                     = "https://gitlab.com"
  claims_matching_expression = "claims['sub'] matches 'project_path:acme/payments:ref_type:branch:ref:*'"
}
