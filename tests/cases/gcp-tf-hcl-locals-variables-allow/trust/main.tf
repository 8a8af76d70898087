# Locals and variables in other files of the same folder (module), a heredoc template, a map local indexed two ways.
resource "google_iam_workload_identity_pool" "gitlab" {
  project                   = var.project
  workload_identity_pool_id = "gitlab"
}

resource "google_iam_workload_identity_pool_provider" "gitlab" {
  project                            = var.project
  workload_identity_pool_id          = google_iam_workload_identity_pool.gitlab.workload_identity_pool_id
  workload_identity_pool_provider_id = "gitlab-com"
  attribute_mapping = {
    "google.subject"       = "assertion.sub"
    "attribute.project_id" = "assertion.project_id"
  }
  attribute_condition = local.attribute_condition
  oidc {
    issuer_uri        = local.issuer
    allowed_audiences = [local.issuer]
  }
}

resource "google_service_account" "deployer" {
  project    = var.project
  account_id = "deployer"
}

resource "google_service_account_iam_member" "deployer" {
  service_account_id = google_service_account.deployer.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.gitlab.name}/attribute.project_id/${var.gitlab_project_id}"
}
