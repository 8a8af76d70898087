import {
  id = "{{project_id}} roles/viewer user:foo@example.com"
  to = google_project_iam_member.default
}
