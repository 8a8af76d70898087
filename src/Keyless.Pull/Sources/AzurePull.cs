using System.Text.Json.Nodes;
using Keyless.Pull.Auth;
using Keyless.Pull.Output;

namespace Keyless.Pull.Sources;

/// <summary>
/// <c>keyless pull azure --tenant T [--subscription S]</c>: Graph v1.0 applications (with their password and key
/// credentials, metadata only) and per application its federated identity credentials from Graph beta (which carries
/// <c>claimsMatchingExpression</c>); then per subscription (given, else every one ARM lists) the user-assigned managed
/// identities and per identity its federated credentials (ARM <c>2025-01-31-preview</c>, which carries flexible ones).
/// Calls: the list pages + 1 per application + 1 per identity. Files under <c>azure/TENANT/</c>.
/// </summary>
public static class AzurePull
{
    public const string ArmApiVersion = "2025-01-31-preview";
    public const string SubscriptionsApiVersion = "2022-12-01";

    public static async Task RunAsync(PullSession session, string tenant, IReadOnlyList<string> subscriptions, ITokenSource graphAuth, ITokenSource armAuth,
                                      CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(subscriptions);
        var folder = "azure/" + PathSegments.Safe(tenant);
        session.Folder.Clear(folder);
        await Task.WhenAll(
            ApplicationsAsync(session, tenant, folder, graphAuth, cancellationToken),
            IdentitiesAsync(session, tenant, folder, subscriptions, armAuth, cancellationToken)).ConfigureAwait(false);
        session.Progress?.Report($"azure:{tenant}: done");
    }

    private static async Task ApplicationsAsync(PullSession session, string tenant, string folder, ITokenSource auth, CancellationToken cancellationToken)
    {
        var scope = new PullScope(PullScope.Azure, tenant);
        var graph = session.Endpoints.Graph;
        var applications = await session.ReadPagesAsync(scope, "graph", "applications.list",
            new Uri(graph, "v1.0/applications?$select=id,appId,displayName,passwordCredentials,keyCredentials&$top=999"), auth,
            $"{folder}/applications", [], NextPage.ODataLink, page => PullSession.Items(page, "value"), cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(applications.Select(a => a["id"]?.ToString()).OfType<string>().Select(id =>
            session.ReadPagesAsync(scope, "graph", "federatedIdentityCredentials.list",
                new Uri(graph, $"beta/applications/{Uri.EscapeDataString(id)}/federatedIdentityCredentials"), auth,
                $"{folder}/applications/{PathSegments.Safe(id)}/federated-credentials", [], NextPage.ODataLink,
                page => PullSession.Items(page, "value"), cancellationToken))).ConfigureAwait(false);
    }

    private static async Task IdentitiesAsync(PullSession session, string tenant, string folder, IReadOnlyList<string> given, ITokenSource auth,
                                              CancellationToken cancellationToken)
    {
        var arm = session.Endpoints.Arm;
        var subscriptions = given;
        if (subscriptions.Count == 0)
        {
            var listed = await session.ReadPagesAsync(new PullScope(PullScope.Azure, tenant), "arm", "subscriptions.list",
                new Uri(arm, $"subscriptions?api-version={SubscriptionsApiVersion}"), auth,
                $"{folder}/subscriptions", [], NextPage.ArmLink, page => PullSession.Items(page, "value"), cancellationToken).ConfigureAwait(false);
            subscriptions = [.. listed.Select(s => s["subscriptionId"]?.ToString()).OfType<string>()];
        }

        await Task.WhenAll(subscriptions.Select(async subscription =>
        {
            var scope = new PullScope(PullScope.AzureSubscription, subscription);
            var at = $"{folder}/subscriptions/{PathSegments.Safe(subscription)}";
            var identities = await session.ReadPagesAsync(scope, "arm", "identities.list",
                new Uri(arm, $"subscriptions/{Uri.EscapeDataString(subscription)}/providers/Microsoft.ManagedIdentity/userAssignedIdentities?api-version={ArmApiVersion}"), auth,
                $"{at}/identities", [], NextPage.ArmLink, page => PullSession.Items(page, "value"), cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(identities.Select(i => (Id: i["id"]?.ToString(), Name: i["name"]?.ToString())).Where(i => i.Id is not null && i.Name is not null).Select(identity =>
                session.ReadPagesAsync(scope, "arm", "federatedIdentityCredentials.list",
                    new Uri(arm, $"{identity.Id!.TrimStart('/')}/federatedIdentityCredentials?api-version={ArmApiVersion}"), auth,
                    $"{at}/identities/{PathSegments.Safe(identity.Name!)}/federated-credentials", [], NextPage.ArmLink,
                    page => PullSession.Items(page, "value"), cancellationToken))).ConfigureAwait(false);
        })).ConfigureAwait(false);
    }
}
