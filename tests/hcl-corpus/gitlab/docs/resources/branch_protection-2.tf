import {
  to = gitlab_branch_protection.example
  id = "see CLI command below for ID"
}
