import {
  to = google_project_iam_policy.default
  identity = {
    project = "your-project-id"
  }
}
