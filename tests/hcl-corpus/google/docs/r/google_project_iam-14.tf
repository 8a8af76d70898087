import {
  id = "{{project_id}} foo.googleapis.com"
  to = google_project_iam_audit_config.default
}
