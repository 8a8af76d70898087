using System.Text.Json.Nodes;
using Keyless.Emulator.Entra;
using Keyless.Emulator.Gcp;
using Keyless.Emulator.GitLab;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Reads;

/// <summary>
/// What the read APIs serve, as <c>keyless pull</c> would be asked for it: GCP projects (id and number), Entra tenants
/// (those the trust names, and the stand-in tenant of identities that name none) and subscriptions, GitLab projects.
/// Listed on the emulator's index page (<c>GET /</c>, <c>reads</c>).
/// </summary>
public sealed class ReadScopes
{
    public ReadScopes(GcpReadModel gcp, GraphReadModel graph, ArmReadModel arm, GitLabReadModel gitlab, TrustSet trust)
    {
        ArgumentNullException.ThrowIfNull(gcp);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(gitlab);
        ArgumentNullException.ThrowIfNull(trust);
        GcpProjects = gcp.Projects.All;
        var named = trust.AzureIdentities.Select(i => i.TenantId).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (trust.AzureIdentities.Any(i => i.TenantId is null))
        {
            named.Add(DefaultTenant);
        }

        AzureTenants = named;
        AzureSubscriptions = arm.Subscriptions;
        GitLabProjects = [.. gitlab.Projects.Select(p => p.Path)];
    }

    /// <summary>The tenant of identities whose input names none (a Graph object, an az export).</summary>
    public static string DefaultTenant { get; } = StableIds.Guid("tenant", "default");

    public IReadOnlyList<EmulatedProject> GcpProjects { get; }

    public IReadOnlyList<string> AzureTenants { get; }

    public IReadOnlyList<string> AzureSubscriptions { get; }

    public IReadOnlyList<string> GitLabProjects { get; }

    /// <summary>The AWS account IAM serves (one, as an IAM endpoint is one account's), when the trust has any AWS part.</summary>
    public IReadOnlyList<string> AwsAccounts { get; init; } = [];

    public JsonObject ToJson() => new()
    {
        ["gcp"] = new JsonArray([.. GcpProjects.Select(p => (JsonNode)new JsonObject { ["projectId"] = p.Id, ["projectNumber"] = p.Number })]),
        ["azure"] = new JsonObject
        {
            ["tenants"] = new JsonArray([.. AzureTenants.Select(t => (JsonNode)t)]),
            ["subscriptions"] = new JsonArray([.. AzureSubscriptions.Select(s => (JsonNode)s)]),
        },
        ["gitlab"] = new JsonArray([.. GitLabProjects.Select(p => (JsonNode)p)]),
        ["aws"] = new JsonArray([.. AwsAccounts.Select(a => (JsonNode)a)]),
    };
}
