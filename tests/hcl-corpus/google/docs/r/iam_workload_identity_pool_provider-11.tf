import {
  identity = {
    workloadIdentityPoolId = "<-required value->"
    workloadIdentityPoolProviderId = "<-required value->"
    project = "<-optional value->"
  }
  to = google_iam_workload_identity_pool_provider.default
}
