import {
  identity = {
    workloadIdentityPoolId = "<-required value->"
    project = "<-optional value->"
  }
  to = google_iam_workload_identity_pool.default
}
