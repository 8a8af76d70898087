import {
  to = google_project_iam_member.default
  identity = {
    project = "your-project-id"
    role    = "roles/viewer"
    member  = "user:foo@example.com"
  }
}
