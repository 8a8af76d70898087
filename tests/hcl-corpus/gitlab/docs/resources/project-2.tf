import {
  to = gitlab_project.example
  id = "see CLI command below for ID"
}
