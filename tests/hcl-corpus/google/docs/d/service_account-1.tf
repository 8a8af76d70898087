data "google_service_account" "object_viewer" {
  account_id = "object-viewer"
}
