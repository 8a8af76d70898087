# A binding whose count a variable's default turns off: Terraform creates no instance of it, so the reader account
# is not an identity at all (as with a literal count = 0).
variable "grant_reader" {
  type    = bool
  default = false
}

resource "google_iam_workload_identity_pool" "gitlab" {
  project                   = "acme-prod"
  workload_identity_pool_id = "gitlab"
}

resource "google_iam_workload_identity_pool_provider" "gitlab" {
  project                            = "acme-prod"
  workload_identity_pool_id          = google_iam_workload_identity_pool.gitlab.workload_identity_pool_id
  workload_identity_pool_provider_id = "gitlab-com"
  attribute_mapping = {
    "google.subject"       = "assertion.sub"
    "attribute.project_id" = "assertion.project_id"
  }
  attribute_condition = "assertion.project_id == \"4242\" && assertion.ref_protected == \"true\" && assertion.ref == \"main\""
  oidc {
    issuer_uri        = "https://gitlab.com"
    allowed_audiences = ["https://gitlab.com"]
  }
}

resource "google_service_account_iam_member" "deployer" {
  service_account_id = "projects/acme-prod/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com"
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.gitlab.name}/attribute.project_id/4242"
}

resource "google_service_account_iam_member" "reader" {
  count              = var.grant_reader ? 1 : 0
  service_account_id = "projects/acme-prod/serviceAccounts/reader@acme-prod.iam.gserviceaccount.com"
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.gitlab.name}/*"
}
