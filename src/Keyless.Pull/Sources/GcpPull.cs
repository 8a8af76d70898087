using System.Text.Json.Nodes;
using Keyless.Pull.Auth;
using Keyless.Pull.Output;

namespace Keyless.Pull.Sources;

/// <summary>
/// <c>keyless pull gcp --project P</c>: per project, Cloud Resource Manager v1 <c>projects.get</c> (the number) and
/// <c>projects.getIamPolicy</c>; IAM v1 workload identity pools and each pool's providers (deleted ones too), service
/// accounts, and per account its <c>getIamPolicy</c> and user-managed keys. Calls: 2 + the list pages + 2 per service
/// account. Files under <c>gcp/PROJECT/</c>.
/// </summary>
public static class GcpPull
{
    public static async Task RunAsync(PullSession session, string project, ITokenSource auth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var scope = new PullScope(PullScope.Gcp, project);
        var folder = "gcp/" + PathSegments.Safe(project);
        var crm = session.Endpoints.ResourceManager;
        var iam = session.Endpoints.Iam;
        var id = Uri.EscapeDataString(project);
        session.Folder.Clear(folder);

        var projectTask = session.ReadAsync(scope, "cloudresourcemanager", "projects.get", HttpMethod.Get, new Uri(crm, $"v1/projects/{id}"), auth,
            $"{folder}/project.json", [], null, cancellationToken);
        var policyTask = session.ReadAsync(scope, "cloudresourcemanager", "projects.getIamPolicy", HttpMethod.Post, new Uri(crm, $"v1/projects/{id}:getIamPolicy"), auth,
            $"{folder}/iam-policy.json", new JsonObject { ["project"] = project }, new JsonObject { ["options"] = new JsonObject { ["requestedPolicyVersion"] = 3 } }, cancellationToken);
        var poolsTask = PoolsAsync(session, scope, folder, iam, id, auth, cancellationToken);
        var accountsTask = AccountsAsync(session, scope, folder, iam, id, auth, cancellationToken);
        if (await projectTask.ConfigureAwait(false) is { } resource
            && resource["projectNumber"]?.ToString() is { Length: > 0 } number && resource["projectId"]?.ToString() is { Length: > 0 } projectId)
        {
            session.Folder.ProjectNumber(projectId, number);
        }

        await Task.WhenAll(policyTask, poolsTask, accountsTask).ConfigureAwait(false);
        session.Progress?.Report($"gcp:{project}: done");
    }

    private static async Task PoolsAsync(PullSession session, PullScope scope, string folder, Uri iam, string id, ITokenSource auth, CancellationToken cancellationToken)
    {
        var pools = await session.ReadPagesAsync(scope, "iam", "workloadIdentityPools.list",
            new Uri(iam, $"v1/projects/{id}/locations/global/workloadIdentityPools?showDeleted=true&pageSize=1000"), auth,
            $"{folder}/pools", [], NextPage.Google, page => PullSession.Items(page, "workloadIdentityPools"), cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(pools.Select(pool => pool["name"]?.ToString()).OfType<string>().Select(name =>
        {
            var poolId = name[(name.LastIndexOf('/') + 1)..];
            return session.ReadPagesAsync(scope, "iam", "workloadIdentityPools.providers.list",
                new Uri(iam, $"v1/{name}/providers?showDeleted=true&pageSize=100"), auth,
                $"{folder}/pools/{PathSegments.Safe(poolId)}/providers", [], NextPage.Google,
                page => PullSession.Items(page, "workloadIdentityPoolProviders"), cancellationToken);
        })).ConfigureAwait(false);
    }

    private static async Task AccountsAsync(PullSession session, PullScope scope, string folder, Uri iam, string id, ITokenSource auth, CancellationToken cancellationToken)
    {
        var accounts = await session.ReadPagesAsync(scope, "iam", "serviceAccounts.list",
            new Uri(iam, $"v1/projects/{id}/serviceAccounts?pageSize=100"), auth,
            $"{folder}/service-accounts", [], NextPage.Google, page => PullSession.Items(page, "accounts"), cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(accounts.Select(a => a["email"]?.ToString()).OfType<string>().Select(async email =>
        {
            var account = $"{folder}/service-accounts/{PathSegments.Safe(email)}";
            var name = $"v1/projects/{id}/serviceAccounts/{Uri.EscapeDataString(email)}";
            await Task.WhenAll(
                session.ReadAsync(scope, "iam", "serviceAccounts.getIamPolicy", HttpMethod.Post,
                    new Uri(iam, $"{name}:getIamPolicy?options.requestedPolicyVersion=3"), auth,
                    $"{account}/iam-policy.json", new JsonObject { ["serviceAccount"] = email }, new JsonObject(), cancellationToken),
                session.ReadAsync(scope, "iam", "serviceAccounts.keys.list", HttpMethod.Get,
                    new Uri(iam, $"{name}/keys?keyTypes=USER_MANAGED"), auth,
                    $"{account}/keys.json", [], null, cancellationToken)).ConfigureAwait(false);
        })).ConfigureAwait(false);
    }
}
