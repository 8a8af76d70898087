using System.Text;
using Keyless.Login.Http;

namespace Keyless.Login.Azure;

/// <summary>
/// The environment a job sources after <c>keyless login azure</c>: Terraform's azurerm and azuread providers read
/// <c>ARM_USE_OIDC</c>, <c>ARM_OIDC_TOKEN</c>, <c>ARM_CLIENT_ID</c> and <c>ARM_TENANT_ID</c>; Azure.Identity's
/// WorkloadIdentityCredential (and so DefaultAzureCredential) reads <c>AZURE_CLIENT_ID</c>, <c>AZURE_TENANT_ID</c>,
/// <c>AZURE_FEDERATED_TOKEN_FILE</c> and <c>AZURE_AUTHORITY_HOST</c> (cloud-semantics B8). It holds the id_token, so
/// it is written 0600 and must stay out of artifacts.
/// </summary>
public static class AzureEnvFile
{
    public static string Render(AzureLoginRequest request, string tokenFile)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tokenFile);
        var lines = new List<(string Name, string Value)>
        {
            ("ARM_USE_OIDC", "true"),
            ("ARM_CLIENT_ID", request.ClientId),
            ("ARM_TENANT_ID", request.Tenant),
            ("ARM_OIDC_TOKEN", request.Token.Value),
            ("AZURE_CLIENT_ID", request.ClientId),
            ("AZURE_TENANT_ID", request.Tenant),
            ("AZURE_FEDERATED_TOKEN_FILE", Path.GetFullPath(tokenFile)),
        };
        if (request.AuthorityHost.AbsoluteUri.TrimEnd('/') != Endpoints.DefaultAuthorityHost)
        {
            lines.Add(("AZURE_AUTHORITY_HOST", request.AuthorityHost.AbsoluteUri));
        }

        var text = new StringBuilder()
            .Append("# Written by keyless login azure. It holds the job's id_token: source it in this job only\n")
            .Append("# (set -a; . ./FILE; set +a), never keep it as an artifact.\n");
        foreach (var (name, value) in lines)
        {
            text.Append(name).Append('=').Append(Quote(value)).Append('\n');
        }

        return text.ToString();
    }

    // Values are ids, URLs, paths and a JWT; single quotes keep a path with spaces intact when sourced by a shell.
    private static string Quote(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or ':' or '@' or '+' or '=' or '~')
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
