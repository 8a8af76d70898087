# The trust of examples/gcp-hardened-gcloud (gcloud exports), as the Terraform that made it: the provider accepts
# only the default audience and acme/payments' (project 4242) protected main branch, and the deployer is bound to
# that project's principals alone. `keyless audit .` finds nothing.

locals {
  project        = "acme-prod"
  project_number = "123456789"
  gitlab_project = "4242"
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
  attribute_condition = join(" && ", [
    "assertion.project_id == \"${local.gitlab_project}\"",
    "assertion.ref_protected == \"true\"",
    "assertion.ref_type == \"branch\"",
    "assertion.ref == \"main\"",
  ])

  # No allowed_audiences: the job's id_tokens aud is the provider's own //iam.googleapis.com/… name.
  oidc {
    issuer_uri = "https://gitlab.com"
  }
}

resource "google_service_account_iam_member" "deployer" {
  service_account_id = "projects/${local.project}/serviceAccounts/deployer@${local.project}.iam.gserviceaccount.com"
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/projects/${local.project_number}/locations/global/workloadIdentityPools/gitlab/attribute.project_id/${local.gitlab_project}"
}
