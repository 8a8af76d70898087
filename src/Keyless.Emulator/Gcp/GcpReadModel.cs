using System.Text.Json.Nodes;
using Keyless.Emulator.Reads;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Gcp;

/// <summary>
/// The IAM v1 and Cloud Resource Manager resources a trust describes, built once as the APIs return them
/// (googleapis discovery documents iam/v1 and cloudresourcemanager/v1; tests/real-shapes/iam-v1-rest/SOURCE.md): pools
/// and providers named by project number, service accounts with their policies and keys, each project's policy. The
/// proto3 JSON mapping leaves out fields at their default (<c>disabled: false</c>, empty lists).
/// </summary>
public sealed class GcpReadModel
{
    // A fixed validity for emulated keys: the trust says a key exists, not when it was made.
    private const string KeyValidAfter = "2025-01-01T00:00:00Z";

    private readonly Dictionary<EmulatedProject, List<JsonObject>> _pools = [];
    private readonly Dictionary<(EmulatedProject, string), List<JsonObject>> _providers = [];
    private readonly Dictionary<EmulatedProject, List<ServiceAccountEntry>> _accounts = [];
    private readonly Dictionary<EmulatedProject, JsonObject> _projectPolicies = [];

    public GcpReadModel(TrustSet trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        Projects = new GcpProjects(trust);
        foreach (var project in Projects.All)
        {
            _pools[project] = [];
            _accounts[project] = [];
        }

        foreach (var pool in trust.Pools)
        {
            if (Projects.Of(pool.Project) is { } project && !_pools[project].Any(p => Id(p) == pool.PoolId))
            {
                _pools[project].Add(Pool(project, pool));
            }
        }

        foreach (var provider in trust.Providers)
        {
            if (Projects.Of(provider.Project) is not { } project)
            {
                continue;
            }

            if (!_pools[project].Any(p => Id(p) == provider.PoolId))
            {
                // A provider whose pool no input describes still lives in a pool: an active one of that id.
                _pools[project].Add(Pool(project, new GcpPool { Project = provider.Project, PoolId = provider.PoolId, Source = provider.Source }));
            }

            var key = (project, provider.PoolId);
            if (!_providers.TryGetValue(key, out var list))
            {
                _providers[key] = list = [];
            }

            list.Add(Provider(project, provider));
        }

        BuildServiceAccounts(trust);
        foreach (var group in trust.Bindings.Where(b => b.Target.Kind == GcpBindingTargetKind.Project).GroupBy(b => Projects.Find(b.Target.Name)))
        {
            if (group.Key is { } project)
            {
                _projectPolicies[project] = Policy(group);
            }
        }
    }

    public GcpProjects Projects { get; }

    /// <summary>Every pool of the project, deleted ones included (the list API drops those unless asked).</summary>
    public IReadOnlyList<JsonObject> Pools(EmulatedProject project) => _pools.GetValueOrDefault(project) ?? [];

    public IReadOnlyList<JsonObject> Providers(EmulatedProject project, string poolId) =>
        _providers.GetValueOrDefault((project, poolId)) ?? [];

    public IReadOnlyList<ServiceAccountEntry> ServiceAccounts(EmulatedProject project) => _accounts.GetValueOrDefault(project) ?? [];

    /// <summary>The account <c>projects/{segment}/serviceAccounts/{account}</c> names (<c>-</c> for any project; email or unique id).</summary>
    public ServiceAccountEntry? ServiceAccount(string projectSegment, string account)
    {
        var projects = projectSegment == "-" ? Projects.All : Projects.Find(projectSegment) is { } p ? [p] : [];
        return projects.SelectMany(ServiceAccounts).FirstOrDefault(a =>
            a.Email.Equals(account, StringComparison.OrdinalIgnoreCase) || a.Resource["uniqueId"]!.GetValue<string>() == account);
    }

    /// <summary>The project's own IAM policy (bindings the trust sets on the project).</summary>
    public JsonObject ProjectPolicy(EmulatedProject project) => _projectPolicies.GetValueOrDefault(project) ?? EmptyPolicy();

    public static string? Id(JsonObject resource) => resource["name"]?.GetValue<string>() is { } name ? name[(name.LastIndexOf('/') + 1)..] : null;

    public static bool IsDeleted(JsonObject resource) => resource["state"]?.GetValue<string>() == "DELETED";

    private void BuildServiceAccounts(TrustSet trust)
    {
        var emails = trust.Bindings.Where(b => b.Target.Kind == GcpBindingTargetKind.ServiceAccount).Select(b => b.Target.Name)
            .Concat(trust.StaticCredentials.Where(k => k.Kind == StaticCredentialKind.GcpServiceAccountKey).Select(k => GcpProjects.AccountOf(k.Owner)))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var email in emails)
        {
            if (Projects.Find(GcpProjects.ProjectOfAccount(email)) is not { } project)
            {
                continue;
            }

            var uniqueId = StableIds.Digits("service-account", email.ToLowerInvariant(), 21);
            var resource = new JsonObject
            {
                ["name"] = $"projects/{project.Id}/serviceAccounts/{email}",
                ["projectId"] = project.Id,
                ["uniqueId"] = uniqueId,
                ["email"] = email,
                ["etag"] = "MDEwMjE5MjA=",
                ["oauth2ClientId"] = uniqueId,
            };
            var bindings = trust.Bindings.Where(b => b.Target.Kind == GcpBindingTargetKind.ServiceAccount
                && b.Target.Name.Equals(email, StringComparison.OrdinalIgnoreCase));
            _accounts[project].Add(new ServiceAccountEntry(project, email, resource, Policy(bindings), Keys(trust, project, email)));
        }
    }

    private static List<JsonObject> Keys(TrustSet trust, EmulatedProject project, string email)
    {
        var prefix = $"projects/{project.Id}/serviceAccounts/{email}/keys/";
        var keys = new List<JsonObject>
        {
            // Google's own key, which every service account has and which is no static credential of the user's.
            Key(prefix + StableIds.Hex("system-key", email, 40), "SYSTEM_MANAGED", "2025-01-15T00:00:00Z"),
        };
        foreach (var key in trust.StaticCredentials.Where(k => k.Kind == StaticCredentialKind.GcpServiceAccountKey
                     && GcpProjects.AccountOf(k.Owner).Equals(email, StringComparison.OrdinalIgnoreCase)))
        {
            var id = key.KeyId is { } k && k.Contains("/keys/", StringComparison.Ordinal) ? k[(k.LastIndexOf('/') + 1)..]
                : key.KeyId is { } plain && plain.All(char.IsAsciiHexDigit) ? plain
                : StableIds.Hex("user-key", email + "/" + key.KeyId, 40);
            keys.Add(Key(prefix + id, "USER_MANAGED", "9999-12-31T23:59:59Z"));
        }

        return keys;
    }

    private static JsonObject Key(string name, string type, string validBefore) => new()
    {
        ["name"] = name,
        ["validAfterTime"] = KeyValidAfter,
        ["validBeforeTime"] = validBefore,
        ["keyAlgorithm"] = "KEY_ALG_RSA_2048",
        ["keyOrigin"] = "GOOGLE_PROVIDED",
        ["keyType"] = type,
    };

    private JsonObject Policy(IEnumerable<GcpBinding> bindings)
    {
        var grouped = bindings.Where(b => b.Member is not null)
            .GroupBy(b => (b.Role, b.ConditionExpression))
            .Select(g =>
            {
                var binding = new JsonObject
                {
                    ["role"] = g.Key.Role,
                    ["members"] = new JsonArray([.. g.Select(b => (JsonNode)Member(b.Member!)).DistinctBy(m => m.GetValue<string>())]),
                };
                if (g.Key.ConditionExpression is { } expression)
                {
                    binding["condition"] = new JsonObject { ["expression"] = expression, ["title"] = "condition" };
                }

                return (JsonNode)binding;
            }).ToList();
        if (grouped.Count == 0)
        {
            return EmptyPolicy();
        }

        return new JsonObject
        {
            ["version"] = grouped.Any(b => b!["condition"] is not null) ? 3 : 1,
            ["etag"] = "BwYx1c2d3e4=",
            ["bindings"] = new JsonArray([.. grouped]),
        };
    }

    // The API returns principals by project number whatever an input wrote (Terraform fills the number in on apply).
    private string Member(string member)
    {
        var parsed = GcpMember.Parse(member);
        if (!parsed.IsFederated || parsed.Project.Number is not null || Projects.Of(parsed.Project) is not { } project)
        {
            return member;
        }

        var marker = "/projects/" + parsed.Project.Id + "/";
        var at = member.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? member : member[..at] + "/projects/" + project.Number + "/" + member[(at + marker.Length)..];
    }

    private static JsonObject EmptyPolicy() => new() { ["etag"] = "ACAB" };

    private static JsonObject Pool(EmulatedProject project, GcpPool pool)
    {
        var resource = new JsonObject { ["name"] = $"projects/{project.Number}/locations/global/workloadIdentityPools/{pool.PoolId}" };
        if (pool.DisplayName is { } name)
        {
            resource["displayName"] = name;
        }

        resource["state"] = pool.State == ResourceState.Deleted ? "DELETED" : "ACTIVE";
        if (pool.Disabled)
        {
            resource["disabled"] = true;
        }

        return resource;
    }

    private static JsonObject Provider(EmulatedProject project, GcpProvider provider)
    {
        var resource = new JsonObject
        {
            ["name"] = $"projects/{project.Number}/locations/global/workloadIdentityPools/{provider.PoolId}/providers/{provider.ProviderId}",
        };
        if (provider.DisplayName is { } name)
        {
            resource["displayName"] = name;
        }

        resource["state"] = provider.State == ResourceState.Deleted ? "DELETED" : "ACTIVE";
        if (provider.Disabled)
        {
            resource["disabled"] = true;
        }

        if (provider.AttributeMapping.Count > 0)
        {
            resource["attributeMapping"] = new JsonObject(provider.AttributeMapping.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value)));
        }

        if (provider.AttributeCondition is { } condition)
        {
            resource["attributeCondition"] = condition;
        }

        if (provider.Protocol == "oidc")
        {
            var oidc = new JsonObject();
            if (provider.IssuerUri is { } issuer)
            {
                oidc["issuerUri"] = issuer;
            }

            if (provider.AllowedAudiences.Count > 0)
            {
                oidc["allowedAudiences"] = new JsonArray([.. provider.AllowedAudiences.Select(a => (JsonNode)a)]);
            }

            if (provider.JwksJson is { } jwks)
            {
                oidc["jwksJson"] = jwks;
            }

            resource["oidc"] = oidc;
        }
        else
        {
            resource[provider.Protocol] = new JsonObject();
        }

        return resource;
    }
}
