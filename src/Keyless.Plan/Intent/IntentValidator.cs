using Keyless.Trust.Diagnostics;

namespace Keyless.Plan.Intent;

/// <summary>
/// The checks that need more than one value: references between sections, Azure's 20-credential limit, audiences
/// that must stay distinct per cloud, and grants GCP could not tell apart. Each error points at the identity (or
/// key) it is about.
/// </summary>
public static class IntentValidator
{
    /// <summary>Azure accepts at most this many federated identity credentials per application or managed identity.</summary>
    public const int MaxAzureCredentials = 20;

    public const string DefaultAzureAudience = "api://AzureADTokenExchange";

    /// <summary>
    /// The client id Keyless registers on the AWS OIDC provider and puts in the tokens' <c>aud</c>: the one AWS's own
    /// GitLab page uses (docs/aws.md), and one no other relying party accepts by convention.
    /// </summary>
    public const string DefaultAwsAudience = "sts.amazonaws.com";

    public static void Validate(PlanIntent intent)
    {
        CheckProjects(intent);
        if (intent.Gcp is null && intent.Azure is null && intent.Aws is null)
        {
            throw new InputException(intent.File, "the intent has none of 'gcp', 'azure' and 'aws': nothing to plan", 1, 1);
        }

        if (intent.Jwks is not null && intent.Gcp is null)
        {
            throw new InputException(intent.File,
                "'jwks' is only used by GCP (Azure always fetches the issuer's keys from its public discovery document)",
                1, 1, "jwks");
        }

        if (intent.Gcp is { } gcp)
        {
            CheckGcp(intent, gcp);
        }

        if (intent.Azure is { } azure)
        {
            CheckAzure(intent, azure);
        }

        if (intent.Aws is { } aws)
        {
            CheckAws(intent, aws);
        }

        CheckAudiences(intent);
    }

    /// <summary>The projects a grant is for: those it names, or the only project when it names none.</summary>
    public static IReadOnlyList<GitLabProjectIntent> ProjectsOf(PlanIntent intent, GrantIntent grant) =>
        grant.Projects.Count == 0
            ? intent.Projects
            : grant.Projects.Select(path => intent.Projects.First(p => p.Path == path)).ToList();

    /// <summary>The distinct deployment tiers of a grant's environments (Azure can pin a tier, never a name).</summary>
    public static IReadOnlyList<string> TiersOf(GrantIntent grant) => grant.Environments.Select(e => e.Tier).Distinct().ToList();

    public static int AzureCredentialCount(PlanIntent intent, GrantIntent grant) =>
        ProjectsOf(intent, grant).Count * (grant.Branches.Distinct().Count() + grant.Tags.Distinct().Count())
        * Math.Max(1, TiersOf(grant).Count);

    private static void CheckProjects(PlanIntent intent)
    {
        foreach (var group in intent.Projects.GroupBy(p => p.Path).Where(g => g.Count() > 1))
        {
            var second = group.Skip(1).First().Position;
            throw new InputException(intent.File, $"project '{group.Key}' is listed twice", second.Line, second.Column);
        }

        foreach (var group in intent.Projects.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            var second = group.Skip(1).First().Position;
            throw new InputException(intent.File, $"project id {group.Key} is listed twice", second.Line, second.Column);
        }
    }

    private static void CheckGrant(PlanIntent intent, GrantIntent grant, SourcePosition at, string path)
    {
        if (grant.Projects.Count == 0 && intent.Projects.Count > 1)
        {
            throw new InputException(intent.File,
                $"there are {intent.Projects.Count} projects: say which this identity is for with 'project: <path>' or 'projects: [...]'",
                at.Line, at.Column, path);
        }

        if (grant.Projects.FirstOrDefault(p => intent.Projects.All(known => known.Path != p)) is { } unknown)
        {
            throw new InputException(intent.File,
                $"project '{unknown}' is not one of the projects: {string.Join(", ", intent.Projects.Select(p => p.Path))}",
                at.Line, at.Column, path);
        }

        if (grant.Branches.Count == 0 && grant.Tags.Count == 0)
        {
            throw new InputException(intent.File,
                "name the protected branches ('refs: [main]') or tags ('tags: [v1.0.0]') that may use this identity; without them any ref would do",
                at.Line, at.Column, path);
        }
    }

    private static void CheckGcp(PlanIntent intent, GcpIntent gcp)
    {
        if (gcp.ServiceAccounts.Count == 0)
        {
            throw new InputException(intent.File, "'gcp' has no service_accounts", gcp.Position.Line, gcp.Position.Column, "gcp");
        }

        for (var i = 0; i < gcp.ServiceAccounts.Count; i++)
        {
            var sa = gcp.ServiceAccounts[i];
            var path = $"gcp.service_accounts[{i}]";
            CheckGrant(intent, sa.Grant, sa.Position, path);
            if (gcp.ServiceAccounts.Take(i).Any(other => other.Email == sa.Email))
            {
                throw new InputException(intent.File,
                    $"service account {sa.Email} is listed twice; give it one entry with all its refs",
                    sa.Position.Line, sa.Position.Column, path);
            }

            foreach (var project in ProjectsOf(intent, sa.Grant))
            {
                foreach (var (type, name) in sa.Grant.Branches.Select(b => ("branch", b)).Concat(sa.Grant.Tags.Select(t => ("tag", t))))
                {
                    var subject = GcpSubject(project.Id, type, name);
                    if (System.Text.Encoding.UTF8.GetByteCount(subject) > 127)
                    {
                        throw new InputException(intent.File,
                            $"the mapped google.subject '{subject}' would exceed GCP's 127-byte limit; use a shorter ref name",
                            sa.Position.Line, sa.Position.Column, path);
                    }
                }

                // Principals are per pool: two accounts for one project are told apart by subject (the ref), but
                // nothing in a binding can tell environments apart, so differing environments would leak.
                var first = gcp.ServiceAccounts.Take(i).FirstOrDefault(o => ProjectsOf(intent, o.Grant).Contains(project));
                if (first is not null && !SameEnvironments(first.Grant, sa.Grant))
                {
                    throw new InputException(intent.File,
                        $"{sa.Email} and {first.Email} are both for {project.Path} but with different environments; one pool "
                        + "cannot tell them apart (GCP principals are per pool). Give them the same environments, or plan the "
                        + "second in its own keyless.yml with another pool",
                        sa.Position.Line, sa.Position.Column, path);
                }
            }
        }
    }

    /// <summary>The google.subject Keyless maps: short, id-based, and independent of the project's sub setting.</summary>
    public static string GcpSubject(string projectId, string refType, string refName) =>
        $"project_id:{projectId}:ref_type:{refType}:ref:{refName}";

    private static bool SameEnvironments(GrantIntent a, GrantIntent b) =>
        a.Environments.Select(e => e.Name).Order(StringComparer.Ordinal)
            .SequenceEqual(b.Environments.Select(e => e.Name).Order(StringComparer.Ordinal));

    private static void CheckAzure(PlanIntent intent, AzureIntent azure)
    {
        if (azure.Applications.Count == 0 && azure.ManagedIdentities.Count == 0)
        {
            throw new InputException(intent.File, "'azure' has neither applications nor managed_identities",
                azure.Position.Line, azure.Position.Column, "azure");
        }

        var identities = azure.Applications.Select((a, i) => (a.Name, Key: a.ClientId, a.Grant, a.Position,
                Path: $"azure.applications[{i}]", Kind: "application"))
            .Concat(azure.ManagedIdentities.Select((m, i) => (m.Name, Key: m.ClientId, m.Grant, m.Position,
                Path: $"azure.managed_identities[{i}]", Kind: "managed identity")))
            .ToList();
        for (var i = 0; i < identities.Count; i++)
        {
            var (name, key, grant, at, path, kind) = identities[i];
            CheckGrant(intent, grant, at, path);
            if (identities.Take(i).Any(o => o.Key == key))
            {
                throw new InputException(intent.File, $"client id {key} is listed twice", at.Line, at.Column, path);
            }

            var count = AzureCredentialCount(intent, grant);
            if (count > MaxAzureCredentials)
            {
                var refs = grant.Branches.Distinct().Count() + grant.Tags.Distinct().Count();
                var projects = ProjectsOf(intent, grant).Count;
                var tiers = Math.Max(1, TiersOf(grant).Count);
                var parts = (count + MaxAzureCredentials - 1) / MaxAzureCredentials;
                throw new InputException(intent.File,
                    $"{kind} '{name}' would need {count} federated identity credentials ({projects} project(s) x {refs} ref(s) x "
                    + $"{tiers} tier(s)); Azure allows at most {MaxAzureCredentials} per {kind}. Split it into {parts} "
                    + $"{kind}s with at most {MaxAzureCredentials} between them (for example one per project, or one for branches "
                    + "and one for tags), or list fewer refs",
                    at.Line, at.Column, path);
            }
        }
    }

    private static void CheckAws(PlanIntent intent, AwsIntent aws)
    {
        if (aws.Roles.Count == 0)
        {
            throw new InputException(intent.File, "'aws' has no roles", aws.Position.Line, aws.Position.Column, "aws");
        }

        for (var i = 0; i < aws.Roles.Count; i++)
        {
            var role = aws.Roles[i];
            var path = $"aws.roles[{i}]";
            CheckGrant(intent, role.Grant, role.Position, path);

            // IAM role names are unique per account regardless of case (IAM name requirements).
            if (aws.Roles.Take(i).Any(o => string.Equals(o.Name, role.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InputException(intent.File,
                    $"role {role.Name} is listed twice (IAM role names are unique per account, whatever their case); give it one entry with all its refs",
                    role.Position.Line, role.Position.Column, path);
            }
        }
    }

    /// <summary>The audience each cloud's tokens carry: the intent's, or that cloud's default.</summary>
    public static IReadOnlyList<(string Section, string Audience, bool Explicit, SourcePosition Position)> Audiences(PlanIntent intent)
    {
        var audiences = new List<(string, string, bool, SourcePosition)>();
        if (intent.Gcp is { } gcp)
        {
            audiences.Add(("gcp", gcp.Audience ?? $"//iam.googleapis.com/projects/{gcp.ProjectNumber}/locations/global/workloadIdentityPools/{gcp.Pool}/providers/{gcp.Provider}",
                gcp.Audience is not null, gcp.Position));
        }

        if (intent.Azure is { } azure)
        {
            audiences.Add(("azure", azure.Audience ?? DefaultAzureAudience, azure.Audience is not null, azure.Position));
        }

        if (intent.Aws is { } aws)
        {
            audiences.Add(("aws", aws.Audience ?? DefaultAwsAudience, aws.Audience is not null, aws.Position));
        }

        return audiences;
    }

    private static void CheckAudiences(PlanIntent intent)
    {
        var audiences = Audiences(intent);
        var issuer = new Uri(intent.Issuer);
        foreach (var (section, audience, _, position) in audiences.Where(a => a.Explicit))
        {
            if (audience == intent.Issuer || audience.TrimEnd('/') == $"{issuer.Scheme}://{issuer.Authority}")
            {
                throw new InputException(intent.File,
                    $"the audience '{audience}' is the GitLab instance URL, which any relying party that follows GitLab's tutorials also accepts; use a distinct audience per cloud (or leave it out for the default)",
                    position.Line, position.Column, $"{section}.audience");
            }
        }

        for (var i = 0; i < audiences.Count; i++)
        {
            if (audiences.Take(i).FirstOrDefault(a => a.Audience == audiences[i].Audience) is { Section: not null } first)
            {
                var (section, audience, _, at) = audiences[i];
                throw new InputException(intent.File,
                    $"{Cloud(first.Section)} and {Cloud(section)} would share the audience '{audience}', so a token for one cloud is redeemable at the other; keep them distinct",
                    at.Line, at.Column, $"{section}.audience");
            }
        }
    }

    private static string Cloud(string section) => section switch
    {
        "gcp" => "GCP",
        "azure" => "Azure",
        _ => "AWS",
    };
}
