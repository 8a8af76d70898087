import {
  id = "{{project_id}}"
  to = google_project_iam_policy.default
}
