# The trust of examples/gcp-vulnerable-pool-wide (gcloud exports), as the Terraform that made it: the provider has
# no attribute condition and the deployer is bound to the whole pool (principalSet://…/*), so any project on
# gitlab.com, anyone's, gets the service account.

locals {
  project        = "acme-prod"
  project_number = "123456789"
}

resource "google_iam_workload_identity_pool" "gitlab" {
  project                   = local.project
  workload_identity_pool_id = "gitlab"
  display_name              = "GitLab"
}

resource "google_iam_workload_identity_pool_provider" "gitlab_com" {
  project                            = local.project
  workload_identity_pool_id          = google_iam_workload_identity_pool.gitlab.workload_identity_pool_id
  workload_identity_pool_provider_id = "gitlab-com"
  display_name                       = "GitLab"

  attribute_mapping = {
    "google.subject"       = "assertion.sub"
    "attribute.project_id" = "assertion.project_id"
    "attribute.ref"        = "assertion.ref"
  }

  oidc {
    issuer_uri = "https://gitlab.com"
  }
}

resource "google_service_account_iam_member" "deployer" {
  service_account_id = "projects/${local.project}/serviceAccounts/deployer@${local.project}.iam.gserviceaccount.com"
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/projects/${local.project_number}/locations/global/workloadIdentityPools/${google_iam_workload_identity_pool.gitlab.workload_identity_pool_id}/*"
}
