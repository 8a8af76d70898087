import {
  id = "{{project_id}}"
  to = google_project.default
}
