import {
  to = google_service_account_iam_member.default
  identity = {
    service_account_id = "projects/your-project-id/serviceAccounts/your-service-account@your-project-id.iam.gserviceaccount.com"
    role               = "roles/editor"
    member             = "user:foo@example.com"
  }
}
