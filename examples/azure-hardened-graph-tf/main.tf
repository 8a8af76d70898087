# The trust of examples/azure-hardened-graph (Graph exports), as the Terraform that made it: an application whose
# one federated credential admits only acme/payments' main branch.

resource "azuread_application" "ci_deployer" {
  display_name = "ci-deployer"
}

resource "azuread_application_federated_identity_credential" "gitlab_main" {
  application_id = azuread_application.ci_deployer.id
  display_name   = "gitlab-main"
  description    = "GitLab main"
  audiences      = ["api://AzureADTokenExchange"]
  issuer         = "https://gitlab.com"
  subject        = "project_path:acme/payments:ref_type:branch:ref:main"
}
