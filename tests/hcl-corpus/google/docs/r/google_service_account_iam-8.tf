import {
  id = "projects/{{project_id}}/serviceAccounts/{{service_account_email}} roles/editor"
  to = google_service_account_iam_binding.default
}
