using System.Text;
using Keyless.Plan.Design;

namespace Keyless.Plan.Scripts;

/// <summary>The GCP side as gcloud commands (cloud-semantics.md A5): pool, OIDC provider, then the bindings.</summary>
public static class GcloudScriptGenerator
{
    public static string Generate(TrustDesign design, GcpDesign gcp)
    {
        var script = new StringBuilder(Shell.Header($"Workload Identity Federation for GitLab CI in {gcp.ProjectId}."));
        script.Append('\n').Append(Shell.Command(
        [
            "gcloud", "iam", "workload-identity-pools", "create", gcp.PoolId,
            "--project", gcp.ProjectId, "--location", "global", "--display-name", "GitLab CI",
            "--description", $"GitLab CI id_tokens from {design.Issuer} (keyless plan)",
        ]));

        List<string> provider =
        [
            "gcloud", "iam", "workload-identity-pools", "providers", "create-oidc", gcp.ProviderId,
            "--project", gcp.ProjectId, "--location", "global", "--workload-identity-pool", gcp.PoolId,
            "--display-name", "GitLab CI",
            "--issuer-uri", design.Issuer,
            "--allowed-audiences", gcp.Audience,
            "--attribute-mapping", string.Join(",", gcp.AttributeMapping.Select(m => $"{m.Key}={m.Value}")),
            "--attribute-condition", gcp.AttributeCondition,
        ];
        if (gcp.Jwks is not null)
        {
            script.Append("\n# GCP cannot reach the issuer: it checks signatures against these keys instead.\n")
                .Append("jwks_file=$(mktemp)\n")
                .Append("trap 'rm -f \"$jwks_file\"' EXIT\n")
                .Append("cat > \"$jwks_file\" <<'JWKS'\n").Append(gcp.Jwks.Trim()).Append("\nJWKS\n");
            provider.AddRange(["--jwk-json-path", "$jwks_file"]);
        }

        script.Append('\n').Append(Shell.Command(provider).Replace("'$jwks_file'", "\"$jwks_file\"", StringComparison.Ordinal));
        foreach (var binding in gcp.Bindings)
        {
            script.Append('\n').Append(Shell.Command(
            [
                "gcloud", "iam", "service-accounts", "add-iam-policy-binding", binding.ServiceAccountEmail,
                "--project", binding.GcpProject, "--role", "roles/iam.workloadIdentityUser", "--member", binding.Member,
            ]));
        }

        return script.ToString();
    }
}
