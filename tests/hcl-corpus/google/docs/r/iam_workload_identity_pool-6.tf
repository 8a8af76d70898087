import {
  id = "projects/{{project}}/locations/global/workloadIdentityPools/{{workload_identity_pool_id}}"
  to = google_iam_workload_identity_pool.default
}
