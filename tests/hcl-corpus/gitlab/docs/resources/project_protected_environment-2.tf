import {
  to = gitlab_project_protected_environment.example
  id = "see CLI command below for ID"
}
