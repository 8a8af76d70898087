import {
  id = "projects/{{project_id}}/serviceAccounts/{{service_account_email}}"
  to = google_service_account_iam_policy.default
}
