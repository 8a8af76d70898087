import {
  to = gitlab_tag_protection.example
  id = "see CLI command below for ID"
}
