locals {
  issuer    = "https://gitlab.com"
  unused    = timestamp() # a function Keyless does not evaluate: unknown, and harmless where nothing uses it
  pins = {
    project_id = tostring(var.gitlab_project_id)
    ref        = "main"
  }
  attribute_condition = <<-CEL
    assertion.project_id == "${local.pins.project_id}" &&
    assertion.ref_protected == "true" &&
    assertion.ref_type == "branch" &&
    assertion.ref == "${local.pins["ref"]}"
  CEL
}
