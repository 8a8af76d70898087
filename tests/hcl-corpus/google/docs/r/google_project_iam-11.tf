import {
  to = google_project_iam_binding.default
  identity = {
    project = "your-project-id"
    role    = "roles/viewer"
  }
}
