import {
  identity = {
    project = {{project_id}}
    email = {{email}}
  }
  to = google_service_account.default
}
