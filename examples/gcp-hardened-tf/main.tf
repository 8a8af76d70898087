# The trust of examples/gcp-hardened-tf-json, written as Terraform users write it: HCL, with a variable, locals and
# references between blocks. `keyless audit .` reads it without `terraform init`.

variable "project" {
  description = "The GCP project that holds the pool and the deployer."
  type        = string
  default     = "acme-prod"
}

locals {
  # The GitLab project (acme/payments) whose protected main branch may deploy.
  gitlab_project_id = "4242"
  gitlab_url        = "https://gitlab.com"

  # The provider's own name is the audience its jobs ask for: a token minted for it is good nowhere else.
  audience = "//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com"
}

resource "google_iam_workload_identity_pool" "gitlab" {
  project                   = var.project
  workload_identity_pool_id = "gitlab"
  display_name              = "GitLab"
}

resource "google_iam_workload_identity_pool_provider" "gitlab" {
  project                            = var.project
  workload_identity_pool_id          = google_iam_workload_identity_pool.gitlab.workload_identity_pool_id
  workload_identity_pool_provider_id = "gitlab-com"

  attribute_mapping = {
    "google.subject"       = "assertion.sub"
    "attribute.project_id" = "assertion.project_id"
    "attribute.ref"        = "assertion.ref"
  }
  attribute_condition = "assertion.project_id == \"${local.gitlab_project_id}\" && assertion.ref_protected == \"true\" && assertion.ref_type == \"branch\" && assertion.ref == \"main\""

  oidc {
    issuer_uri        = local.gitlab_url
    allowed_audiences = [local.audience]
  }
}

resource "google_service_account" "deployer" {
  project    = var.project
  account_id = "deployer"
}

resource "google_service_account_iam_member" "deployer" {
  service_account_id = google_service_account.deployer.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.gitlab.name}/attribute.project_id/${local.gitlab_project_id}"
}
