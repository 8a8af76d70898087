using Keyless.Plan.Intent;
using Keyless.Trust.Claims;
using Keyless.Trust.Diagnostics;

namespace Keyless.Plan.Design;

/// <summary>
/// Turns a validated intent into the hardened design (gitlab-claims-and-attacks.md §3): project id pins, protected
/// refs with their type, protected environments, exact Azure subjects and one audience per cloud.
/// </summary>
public static class TrustDesigner
{
    public const string GcpTokenVariable = "GCP_ID_TOKEN";
    public const string AzureTokenVariable = "AZURE_ID_TOKEN";
    public const string AwsTokenVariable = "AWS_ID_TOKEN";

    public static TrustDesign Design(PlanIntent intent)
    {
        var gcp = intent.Gcp is { } g ? DesignGcp(intent, g) : null;
        var azure = intent.Azure is { } a ? DesignAzure(intent, a) : null;
        var aws = intent.Aws is { } w ? AwsDesigner.Design(intent, w) : null;
        return new TrustDesign(intent, DesignProjects(intent), gcp, azure, DesignJobs(intent, gcp, azure, aws), aws,
            aws is null ? [] : AwsDesigner.Notes(intent, aws));
    }

    /// <summary>Every grant in the intent, with the cloud it belongs to.</summary>
    private static IEnumerable<(Cloud Cloud, GrantIntent Grant)> AllGrants(PlanIntent intent) =>
        (intent.Gcp?.ServiceAccounts.Select(s => (Cloud.Gcp, s.Grant)) ?? [])
        .Concat(intent.Azure?.Applications.Select(a => (Cloud.Azure, a.Grant)) ?? [])
        .Concat(intent.Azure?.ManagedIdentities.Select(m => (Cloud.Azure, m.Grant)) ?? [])
        .Concat(intent.Aws?.Roles.Select(r => (Cloud.Aws, r.Grant)) ?? []);

    private static List<ProjectDesign> DesignProjects(PlanIntent intent) =>
        intent.Projects.Select(project =>
        {
            var grants = AllGrants(intent)
                .Where(x => IntentValidator.ProjectsOf(intent, x.Grant).Contains(project))
                .ToList();

            // project_id first closes path reuse (§3.3); ref_type and ref keep tags and branches apart (§3.7);
            // ref_protected repeats the GCP pin for Azure and AWS, which see only the sub. Environment components are
            // added only when an Azure identity or AWS role pins a tier, and GitLab drops them from jobs without an
            // environment.
            List<string> components =
            [
                GitLabClaimNames.ProjectId, GitLabClaimNames.RefType, GitLabClaimNames.Ref, GitLabClaimNames.RefProtected,
            ];
            if (grants.Any(x => x.Cloud != Cloud.Gcp && x.Grant.Environments.Count > 0))
            {
                components.Add(GitLabClaimNames.EnvironmentProtected);
                components.Add(GitLabClaimNames.DeploymentTier);
            }

            return new ProjectDesign(
                project,
                components,
                grants.SelectMany(x => x.Grant.Branches).Distinct().ToList(),
                grants.SelectMany(x => x.Grant.Tags).Distinct().ToList(),
                grants.SelectMany(x => x.Grant.Environments.Select(e => e.Name)).Distinct().ToList());
        }).ToList();

    private static GcpDesign DesignGcp(PlanIntent intent, GcpIntent gcp)
    {
        var clauses = new List<string>();
        var bindings = new List<GcpBindingDesign>();
        var poolName = $"projects/{gcp.ProjectNumber}/locations/global/workloadIdentityPools/{gcp.Pool}";
        foreach (var project in intent.Projects)
        {
            var accounts = gcp.ServiceAccounts.Where(s => IntentValidator.ProjectsOf(intent, s.Grant).Contains(project)).ToList();
            if (accounts.Count == 0)
            {
                continue;
            }

            var branches = accounts.SelectMany(s => s.Grant.Branches).Distinct().ToList();
            var tags = accounts.SelectMany(s => s.Grant.Tags).Distinct().ToList();
            var environments = accounts[0].Grant.Environments.Select(e => e.Name).Distinct().ToList();
            clauses.Add(Cel.ProjectClause(project.Id, branches, tags, environments));

            // When every account of the project may use every allowed ref, the project id is the whole grant;
            // otherwise each account is bound to the exact subjects of its own refs.
            var sameRefs = accounts.All(s => s.Grant.Branches.Distinct().Order(StringComparer.Ordinal).SequenceEqual(branches.Order(StringComparer.Ordinal))
                                             && s.Grant.Tags.Distinct().Order(StringComparer.Ordinal).SequenceEqual(tags.Order(StringComparer.Ordinal)));
            foreach (var account in accounts)
            {
                var members = sameRefs
                    ? [$"principalSet://iam.googleapis.com/{poolName}/attribute.project_id/{project.Id}"]
                    : account.Grant.Branches.Distinct().Select(b => ("branch", b))
                        .Concat(account.Grant.Tags.Distinct().Select(t => ("tag", t)))
                        .Select(r => $"principal://iam.googleapis.com/{poolName}/subject/{IntentValidator.GcpSubject(project.Id, r.Item1, r.Item2)}")
                        .ToList();
                bindings.AddRange(members.Select(m => new GcpBindingDesign(account.Email, ProjectOf(account.Email, gcp.Project), m)));
            }
        }

        var condition = clauses.Count == 1 ? clauses[0] : string.Join(" || ", clauses.Select(c => $"({c})"));
        if (condition.Length > 4096)
        {
            throw new InputException(intent.File,
                $"the attribute condition would be {condition.Length} characters; GCP allows 4096. List fewer refs, or split the projects over two providers",
                gcp.Position.Line, gcp.Position.Column, "gcp");
        }

        var canonical = $"//iam.googleapis.com/{poolName}/providers/{gcp.Provider}";
        return new GcpDesign(gcp.Project, gcp.ProjectNumber, gcp.Pool, gcp.Provider, gcp.Audience ?? canonical, intent.Jwks,
            Cel.AttributeMapping, condition, bindings.Distinct().ToList());
    }

    /// <summary>The project a service account lives in, from its email when it is a user-managed account.</summary>
    private static string ProjectOf(string email, string fallback)
    {
        const string Suffix = ".iam.gserviceaccount.com";
        var domain = email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..];
        return domain.EndsWith(Suffix, StringComparison.Ordinal) && !domain[..^Suffix.Length].Contains('.', StringComparison.Ordinal)
            ? domain[..^Suffix.Length]
            : fallback;
    }

    private static AzureDesign DesignAzure(PlanIntent intent, AzureIntent azure)
    {
        var identities = azure.Applications
            .Select(a => new AzureIdentityDesign(AzureIdentityKind.Application, a.Name, a.ClientId, a.ObjectId, null, null,
                Credentials(intent, a.Grant)))
            .Concat(azure.ManagedIdentities.Select(m => new AzureIdentityDesign(AzureIdentityKind.ManagedIdentity, m.Name,
                m.ClientId, null, m.Subscription, m.ResourceGroup, Credentials(intent, m.Grant))))
            .ToList();
        return new AzureDesign(azure.Tenant, azure.Audience ?? IntentValidator.DefaultAzureAudience, identities);
    }

    /// <summary>One credential per planned subject, named after its project, ref and tier.</summary>
    private static List<FederatedCredentialDesign> Credentials(PlanIntent intent, GrantIntent grant)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        return PlannedSubjects.For(intent, grant).Select(s => new FederatedCredentialDesign(
            Unique(names, Names.Azure($"gitlab-{s.Project.Id}-{s.RefType}-{s.Ref}" + (s.Tier is null ? string.Empty : $"-{s.Tier}"))),
            s.Subject, s.Description)).ToList();
    }

    private static string Unique(HashSet<string> taken, string name)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = $"{name}-{i}";
        }

        return candidate;
    }

    private static List<CiJobDesign> DesignJobs(PlanIntent intent, GcpDesign? gcp, AzureDesign? azure, AwsDesign? aws)
    {
        var jobs = new List<CiJobDesign>();
        foreach (var project in intent.Projects)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sa in intent.Gcp?.ServiceAccounts ?? [])
            {
                if (!IntentValidator.ProjectsOf(intent, sa.Grant).Contains(project))
                {
                    continue;
                }

                var login = LoginStep.Gcp(gcp!.CanonicalAudience, sa.Email, GcpTokenVariable);
                jobs.AddRange(JobsFor(project, names, $"keyless-gcp-{sa.Email[..sa.Email.IndexOf('@', StringComparison.Ordinal)]}",
                    Cloud.Gcp, GcpTokenVariable, gcp.Audience, sa.Grant, login));
            }

            foreach (var (name, clientId, grant) in (intent.Azure?.Applications.Select(a => (a.Name, a.ClientId, a.Grant)) ?? [])
                     .Concat(intent.Azure?.ManagedIdentities.Select(m => (m.Name, m.ClientId, m.Grant)) ?? []))
            {
                if (!IntentValidator.ProjectsOf(intent, grant).Contains(project))
                {
                    continue;
                }

                var login = LoginStep.Azure(azure!.Tenant, clientId, AzureTokenVariable);
                jobs.AddRange(JobsFor(project, names, $"keyless-azure-{name}", Cloud.Azure, AzureTokenVariable, azure.Audience,
                    grant, login));
            }

            foreach (var (role, design) in (intent.Aws?.Roles ?? []).Zip(aws?.Roles ?? []))
            {
                if (!IntentValidator.ProjectsOf(intent, role.Grant).Contains(project))
                {
                    continue;
                }

                var login = LoginStep.Aws(design.Arn, AwsTokenVariable);
                jobs.AddRange(JobsFor(project, names, $"keyless-aws-{role.Name}", Cloud.Aws, AwsTokenVariable, aws!.Audience,
                    role.Grant, login));
            }
        }

        return jobs;
    }

    private static IEnumerable<CiJobDesign> JobsFor(GitLabProjectIntent project, HashSet<string> names, string baseName,
        Cloud cloud, string variable, string audience, GrantIntent grant, IReadOnlyList<string> login)
    {
        var environments = grant.Environments.Count == 0 ? [null] : grant.Environments.Cast<EnvironmentIntent?>();
        foreach (var environment in environments)
        {
            var name = Unique(names, Names.Job(environment is null ? baseName : $"{baseName}-{environment.Name}"));
            yield return new CiJobDesign(project, name, cloud, variable, audience, grant.Branches.Distinct().ToList(),
                grant.Tags.Distinct().ToList(), environment, login);
        }
    }
}
