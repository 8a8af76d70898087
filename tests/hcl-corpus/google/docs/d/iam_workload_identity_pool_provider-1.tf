data "google_iam_workload_identity_pool_provider" "foo" {
  workload_identity_pool_id          = "foo-pool"
  workload_identity_pool_provider_id = "bar-provider"
}
