import {
  id = "{{project_id}} roles/viewer"
  to = google_project_iam_binding.default
}
