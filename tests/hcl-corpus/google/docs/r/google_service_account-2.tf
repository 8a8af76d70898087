import {
  id = "projects/{{project_id}}/serviceAccounts/{{email}}"
  to = google_service_account.default
}
