using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Plan.Design;

namespace Keyless.Plan.Scripts;

/// <summary>
/// The Azure side as az commands (cloud-semantics.md B6): application credentials through Graph, managed-identity
/// credentials through ARM, one at a time (concurrent creation on one identity fails with 409).
/// </summary>
public static class AzScriptGenerator
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Generate(TrustDesign design, AzureDesign azure)
    {
        var script = new StringBuilder(Shell.Header($"Federated identity credentials for GitLab CI in tenant {azure.Tenant}."));
        foreach (var identity in azure.Identities)
        {
            script.Append($"\n# {(identity.Kind == AzureIdentityKind.Application ? "Application" : "Managed identity")} {identity.Name} ({identity.ClientId})\n");
            foreach (var credential in identity.Credentials)
            {
                if (identity.Kind == AzureIdentityKind.Application)
                {
                    var parameters = new JsonObject
                    {
                        ["name"] = credential.Name,
                        ["issuer"] = design.Issuer,
                        ["subject"] = credential.Subject,
                        ["description"] = credential.Description,
                        ["audiences"] = new JsonArray(azure.Audience),
                    }.ToJsonString(Json);
                    script.Append(Shell.Command(
                        ["az", "ad", "app", "federated-credential", "create", "--id", identity.ClientId, "--parameters", parameters]));
                }
                else
                {
                    script.Append(Shell.Command(
                    [
                        "az", "identity", "federated-credential", "create",
                        "--subscription", identity.Subscription!, "--resource-group", identity.ResourceGroup!,
                        "--identity-name", identity.Name, "--name", credential.Name,
                        "--issuer", design.Issuer, "--subject", credential.Subject, "--audiences", azure.Audience,
                    ]));
                }
            }
        }

        return script.ToString();
    }
}
