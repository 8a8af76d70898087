using Keyless.Formats.Inputs;
using Keyless.Trust.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Keyless.Plan.Intent;

/// <summary>
/// Reads keyless.yml through YamlDotNet's representation model, so every value keeps its line and column and
/// every mistake (unknown key, wrong type, missing field) is reported where it is. Shape only: what the values
/// mean is checked by <see cref="IntentValidator"/>.
/// </summary>
public static class IntentReader
{
    public const string DefaultIssuer = "https://gitlab.com";

    public static PlanIntent ReadFile(string path)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"cannot read the intent file: {e.Message}");
        }

        return Read(path, text);
    }

    /// <summary>Parses and validates; <paramref name="file"/> only names the source in errors.</summary>
    public static PlanIntent Read(string file, string text)
    {
        var root = Parse(file, text);
        var top = YamlMap.From(file, string.Empty, root);
        top.OnlyKeys("issuer", "jwks", "project", "projects", "gcp", "azure", "aws");

        var intent = new PlanIntent(
            file,
            top.OptionalString("issuer", ValueRules.Issuer) ?? DefaultIssuer,
            top.OptionalString("jwks", ValueRules.Jwks),
            ReadProjects(file, top),
            top.OptionalMap("gcp") is { } gcp ? ReadGcp(gcp) : null,
            top.OptionalMap("azure") is { } azure ? ReadAzure(file, azure) : null,
            top.OptionalMap("aws") is { } aws ? ReadAws(file, aws) : null);
        IntentValidator.Validate(intent);
        return intent;
    }

    private static YamlNode Parse(string file, string text)
    {
        var stream = YamlText.Load(file, text, "not valid YAML", "the intent file nests too deeply");

        if (stream.Documents.Count != 1)
        {
            throw new InputException(file, stream.Documents.Count == 0
                ? "the intent file is empty"
                : "the intent file must hold one YAML document, not several");
        }

        return stream.Documents[0].RootNode;
    }

    private static List<GitLabProjectIntent> ReadProjects(string file, YamlMap top)
    {
        if (top.Has("project") && top.Has("projects"))
        {
            var at = top.PositionOfValue("projects");
            throw new InputException(file, "use either 'project' (one project) or 'projects' (a list), not both",
                at.Line, at.Column, "projects");
        }

        if (top.OptionalMap("project") is { } single)
        {
            return [ReadProject(single)];
        }

        var projects = top.OptionalList("projects").Select(p => ReadProject(YamlMap.From(file, p.Path, p.Node))).ToList();
        if (projects.Count == 0)
        {
            throw new InputException(file, "the intent names no GitLab project: add 'project: { path: group/name, id: 123 }'",
                top.Position.Line, top.Position.Column);
        }

        return projects;
    }

    private static GitLabProjectIntent ReadProject(YamlMap map)
    {
        map.OnlyKeys("path", "id", "name");
        var path = map.RequiredString("path", ValueRules.ProjectPath);
        return new GitLabProjectIntent(path, map.RequiredString("id", ValueRules.NumericId),
            map.OptionalString("name", ValueRules.AzureName) ?? path[(path.LastIndexOf('/') + 1)..], map.Position);
    }

    private static GcpIntent ReadGcp(YamlMap map)
    {
        map.OnlyKeys("project", "project_number", "pool", "provider", "audience", "service_accounts");
        var accounts = map.OptionalList("service_accounts").Select(item =>
        {
            var sa = YamlMap.From(FileOf(map), item.Path, item.Node);
            sa.OnlyKeys([.. GrantKeys, "email"]);
            return new GcpServiceAccountIntent(sa.RequiredString("email", ValueRules.ServiceAccountEmail), ReadGrant(sa), sa.Position);
        }).ToList();
        return new GcpIntent(
            map.RequiredString("project", ValueRules.GcpProjectId),
            map.RequiredString("project_number", ValueRules.NumericId),
            map.RequiredString("pool", ValueRules.PoolOrProviderId),
            map.RequiredString("provider", ValueRules.PoolOrProviderId),
            map.OptionalString("audience", ValueRules.Audience),
            accounts,
            map.Position);
    }

    private static AzureIntent ReadAzure(string file, YamlMap map)
    {
        map.OnlyKeys("tenant", "audience", "applications", "managed_identities");
        var applications = map.OptionalList("applications").Select(item =>
        {
            var app = YamlMap.From(file, item.Path, item.Node);
            app.OnlyKeys([.. GrantKeys, "client_id", "object_id", "name"]);
            return new AzureApplicationIntent(app.RequiredString("client_id", ValueRules.Guid),
                app.OptionalString("object_id", ValueRules.Guid), app.RequiredString("name", ValueRules.AzureName), ReadGrant(app), app.Position);
        }).ToList();
        var identities = map.OptionalList("managed_identities").Select(item =>
        {
            var mi = YamlMap.From(file, item.Path, item.Node);
            mi.OnlyKeys([.. GrantKeys, "name", "client_id", "subscription", "resource_group"]);
            return new AzureManagedIdentityIntent(mi.RequiredString("name", ValueRules.AzureName),
                mi.RequiredString("client_id", ValueRules.Guid), mi.RequiredString("subscription", ValueRules.Guid),
                mi.RequiredString("resource_group", ValueRules.ResourceGroup), ReadGrant(mi), mi.Position);
        }).ToList();
        return new AzureIntent(map.RequiredString("tenant", ValueRules.Guid), map.OptionalString("audience", ValueRules.Audience), applications, identities,
            map.Position);
    }

    /// <summary>The default <c>AssumeRolePolicySizeQuota</c> of an account (IAM and STS quotas).</summary>
    public const int DefaultTrustPolicySizeQuota = 2048;

    private static AwsIntent ReadAws(string file, YamlMap map)
    {
        map.OnlyKeys("account_id", "audience", "trust_policy_size_quota", "roles");
        var roles = map.OptionalList("roles").Select(item =>
        {
            var role = YamlMap.From(file, item.Path, item.Node);
            role.OnlyKeys([.. GrantKeys, "name", "path", "max_session_duration"]);
            return new AwsRoleIntent(role.RequiredString("name", ValueRules.IamRoleName),
                role.OptionalString("path", ValueRules.IamPath) ?? "/",
                role.OptionalString("max_session_duration", ValueRules.MaxSessionDuration) is { } seconds ? Number(seconds) : null,
                ReadGrant(role), role.Position);
        }).ToList();
        return new AwsIntent(map.RequiredString("account_id", ValueRules.AwsAccountId), map.OptionalString("audience", ValueRules.Audience),
            map.OptionalString("trust_policy_size_quota", ValueRules.TrustPolicySizeQuota) is { } quota ? Number(quota) : DefaultTrustPolicySizeQuota,
            roles, map.Position);
    }

    // Only called on values a ValueRules number rule accepted.
    private static int Number(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string[] GrantKeys = ["project", "projects", "refs", "tags", "environments"];

    private static GrantIntent ReadGrant(YamlMap map)
    {
        var projects = map.OptionalString("project", ValueRules.ProjectPath) is { } one
            ? [one]
            : map.OptionalStringList("projects", ValueRules.ProjectPath).Select(p => p.Value).ToList();
        var environments = map.OptionalList("environments").Select(item => item.Node switch
        {
            YamlScalarNode { Value: { Length: > 0 } name } when ValueRules.EnvironmentName(name) is null
                => new EnvironmentIntent(name, TierFor(name)),
            YamlScalarNode scalar => throw new InputException(FileOf(map),
                $"'{item.Path}': {ValueRules.EnvironmentName(scalar.Value ?? string.Empty)}",
                YamlMap.PositionOf(scalar).Line, YamlMap.PositionOf(scalar).Column, item.Path),
            _ => ReadEnvironment(YamlMap.From(FileOf(map), item.Path, item.Node)),
        }).ToList();
        return new GrantIntent(
            projects,
            map.OptionalStringList("refs", ValueRules.RefName).Select(r => r.Value).ToList(),
            map.OptionalStringList("tags", ValueRules.RefName).Select(t => t.Value).ToList(),
            environments);
    }

    private static EnvironmentIntent ReadEnvironment(YamlMap map)
    {
        map.OnlyKeys("name", "tier");
        var name = map.RequiredString("name", ValueRules.EnvironmentName);
        return new EnvironmentIntent(name, map.OptionalString("tier", ValueRules.Tier) ?? TierFor(name));
    }

    /// <summary>The five deployment tiers GitLab knows; a name that is one of them is also its tier.</summary>
    public static readonly IReadOnlyList<string> Tiers = ["production", "staging", "testing", "development", "other"];

    private static string TierFor(string name) => Tiers.Contains(name) ? name : "other";

    private static string FileOf(YamlMap map) => map.FileName;
}
