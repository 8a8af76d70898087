namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>A gcloud-shaped GCP trust that admits only deployments of project 4242 to its protected <c>production</c> environment.</summary>
internal static class EnvironmentPinnedTrust
{
    public const string Account = "deploy-prod@acme-prod.iam.gserviceaccount.com";

    public static void Write(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "provider.json"), """
            {"name": "projects/123456789012/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com", "state": "ACTIVE",
             "attributeMapping": {"google.subject": "assertion.sub", "attribute.project_id": "assertion.project_id"},
             "attributeCondition": "assertion.project_id == \"4242\" && assertion.environment == \"production\" && assertion.environment_protected == \"true\"",
             "oidc": {"issuerUri": "https://gitlab.com", "allowedAudiences": ["https://gitlab.com"]}}
            """);
        File.WriteAllText(Path.Combine(folder, "policy.json"), """
            {"version": 1, "etag": "BwYk3x1vTzE=", "bindings": [{"role": "roles/iam.workloadIdentityUser",
             "members": ["principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/gitlab/attribute.project_id/4242"]}]}
            """);
        var manifest = new System.Text.Json.Nodes.JsonObject
        {
            ["keylessManifest"] = 1,
            ["files"] = new System.Text.Json.Nodes.JsonObject { ["policy.json"] = new System.Text.Json.Nodes.JsonObject { ["serviceAccount"] = Account } },
        };
        File.WriteAllText(Path.Combine(folder, "keyless-manifest.json"), manifest.ToJsonString());
    }
}
