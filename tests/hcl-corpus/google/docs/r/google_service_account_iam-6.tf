import {
  id = "projects/{{project_id}}/serviceAccounts/{{service_account_email}} roles/editor user:foo@example.com"
  to = google_service_account_iam_member.default
}
