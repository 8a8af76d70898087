# The trust of examples/azure-hardened-graph (Graph exports), as the Terraform that made it: an application whose
# one federated credential admits only acme/payments' main branch, by project id.

resource "azuread_application" "ci_deployer" {
  display_name = "ci-deployer"
}

resource "azuread_application_federated_identity_credential" "gitlab_main" {
  application_id = azuread_application.ci_deployer.id
  display_name   = "gitlab-main"
  description    = "GitLab main"
  audiences      = ["api://AzureADTokenExchange"]
  issuer         = "https://gitlab.com"
  subject        = "project_id:${gitlab_project.payments.id}:ref_type:branch:ref:main"
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
