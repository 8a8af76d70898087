data "google_iam_workload_identity_pool" "foo" {
  workload_identity_pool_id = "foo-pool"
}
