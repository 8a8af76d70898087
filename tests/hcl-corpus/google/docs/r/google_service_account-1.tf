resource "google_service_account" "service_account" {
  account_id   = "service-account-id"
  display_name = "Service Account"
}
