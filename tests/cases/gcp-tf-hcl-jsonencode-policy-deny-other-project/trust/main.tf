# A service account policy written with jsonencode, whose binding names a literal principalSet; the provider pins
# the project, so another project's token is denied by the condition.
locals {
  pool = "projects/acme-prod/locations/global/workloadIdentityPools/gitlab"
}

resource "google_iam_workload_identity_pool" "gitlab" {
  project                   = "acme-prod"
  workload_identity_pool_id = "gitlab"
}

resource "google_iam_workload_identity_pool_provider" "gitlab" {
  project                            = "acme-prod"
  workload_identity_pool_id          = "gitlab"
  workload_identity_pool_provider_id = "gitlab-com"
  attribute_mapping = {
    "google.subject"       = "assertion.sub"
    "attribute.project_id" = "assertion.project_id"
  }
  attribute_condition = "assertion.project_id == '4242' && assertion.ref_protected == 'true'"
  oidc {
    issuer_uri        = "https://gitlab.com"
    allowed_audiences = ["https://gitlab.com"]
  }
}

resource "google_service_account_iam_policy" "deployer" {
  service_account_id = "projects/acme-prod/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com"
  policy_data = jsonencode({
    bindings = [
      {
        role    = "roles/iam.workloadIdentityUser"
        members = ["principalSet://iam.googleapis.com/${local.pool}/attribute.project_id/4242"]
      },
    ]
  })
}
