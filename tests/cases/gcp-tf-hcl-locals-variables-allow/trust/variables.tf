variable "project" {
  type    = string
  default = "acme-prod"
}

variable "gitlab_project_id" {
  type    = number
  default = 4242
}
