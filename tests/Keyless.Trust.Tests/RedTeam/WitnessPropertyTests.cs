using System.Globalization;
using Keyless.Trust.Audits;
using Keyless.Trust.Claims;
using Keyless.Trust.Model;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Tests.RedTeam;

/// <summary>
/// The property behind every persona finding, over thousands of generated trusts: each witness the search reports is
/// admitted by the evaluator <c>explain</c> uses and passes the realizability check for its persona, and no admitted
/// candidate the generator built is one GitLab could not mint (the search's count of dropped candidates stays zero).
/// </summary>
public sealed class WitnessPropertyTests
{
    private const int Trusts = 2500;
    private const string Number = "123456789";
    private const string Pool = "projects/" + Number + "/locations/global/workloadIdentityPools/gitlab";

    private static readonly string[] PathClaims = ["project_path", "namespace_path", "job_project_path", "job_namespace_path"];
    private static readonly string[] Paths = ["acme/payments", "acme", "acme/", "acme-", "acme/pay", "beta/tools", "alice/tools", "alice", "acme/team/app", "evil"];
    private static readonly string[] Ids = ["4242", "72", "99", "4000001", "9000001"];
    private static readonly string[] Refs = ["main", "release/", "release", "v1", "feature/x", "trunk", "refs/heads/main", "refs/tags/v1"];
    private static readonly string[] Subjects =
    [
        "project_path:acme/payments:ref_type:branch:ref:main", "project_path:acme/payments", "project_path:acme/", "acme/payments:",
        "project_id:4242:ref_type:branch:ref:main", ":ref_type:tag", "ref:main", "project_path:alice/tools:ref_type:tag:ref:v1",
    ];

    private static readonly string[] Regexes = ["^acme/payments$", "^acme/.*$", "acme/payments", "^release/[0-9]+$", "^(main|master)$", "^acme/[^/]+$", "tools$"];

    private static readonly (string Claim, string[] Values)[] Enumerated =
    [
        ("ref_type", ["branch", "tag", "Branch"]), ("ref_protected", ["true", "false"]), ("environment_protected", ["true", "false"]),
        ("deployment_tier", ["production", "staging", "prod"]), ("pipeline_source", ["push", "api", "schedule", "merge_request_event", "release", "trigger"]),
        ("runner_environment", ["gitlab-hosted", "self-hosted"]), ("project_visibility", ["public", "private", "internal"]),
        ("user_access_level", ["maintainer", "developer", "owner"]), ("environment", ["production", "review/", "review/x", "prod env"]),
        ("user_login", ["alice", "bob"]), ("user_email", ["alice@acme.com", "@acme.com"]),
    ];

    [Fact]
    public void Every_witness_of_thousands_of_generated_trusts_is_admitted_and_mintable()
    {
        var random = new Random(20261207);
        var witnesses = 0;
        var failures = new List<string>();
        for (var i = 0; i < Trusts && failures.Count < 5; i++)
        {
            var trust = Generate(random, out var description);
            var context = new AuditContext(trust);
            foreach (var identity in context.Identities)
            {
                foreach (var scenario in AttackScenarios.Attacks.Append(AttackScenario.ProjectMaintainer))
                {
                    var result = context.Search(identity, scenario);
                    if (result.Rejected > 0)
                    {
                        failures.Add($"{description} {scenario}: {string.Join(" | ", result.Gaps)}");
                    }

                    if (result is not { Witness: { } witness, Path: { } path })
                    {
                        continue;
                    }

                    witnesses++;
                    var decision = context.Engine.Evaluator.Decide(identity, TokenClaims.FromJson(witness));
                    var realizable = context.Engine.CheckRealizable(witness, scenario, path);
                    if (!decision.IsAllowed || !realizable.IsRealizable)
                    {
                        failures.Add($"{description} {scenario}: explain {(decision.IsAllowed ? "allows" : "denies")}; {realizable}; witness {witness.ToJsonString()}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(witnesses > Trusts / 2, $"only {witnesses} witnesses over {Trusts} trusts: the generator no longer exercises the search");
    }

    private static TrustSet Generate(Random random, out string description)
    {
        var condition = Condition(random, depth: 0);
        var source = new SourceRef("generated", null);
        var project = new GcpProjectRef(Number, "acme-prod");
        var issuer = Pick(random, ["https://gitlab.com", "https://gitlab.com/", "https://gitlab.acme.example"]);
        var member = Pick(random, [$"principalSet://iam.googleapis.com/{Pool}/*", $"principalSet://iam.googleapis.com/{Pool}/attribute.project_id/4242",
            $"principal://iam.googleapis.com/{Pool}/subject/project_path:acme/payments:ref_type:branch:ref:main"]);
        var projects = random.Next(3) switch
        {
            0 => [],
            1 => [new GitLabProject { Id = "4242", Path = "acme/payments", NamespaceId = "72", NamespacePath = "acme", DefaultBranch = "main", Source = source }],
            _ => new[]
            {
                new GitLabProject
                {
                    Id = "4242", Path = "acme/payments", NamespaceId = "72", NamespacePath = "acme", DefaultBranch = Pick(random, ["main", "trunk"]),
                    ProtectedBranches = [new GitLabProtectedRef { Pattern = Pick(random, ["main", "release/*", "*"]), PushAccess = [Pick(random, [GitLabAccessLevel.Maintainer, GitLabAccessLevel.Developer])], MergeAccess = [GitLabAccessLevel.Maintainer], Source = source }],
                    ProtectedTags = random.Next(2) == 0 ? [] : [new GitLabProtectedRef { Pattern = "v*", PushAccess = [GitLabAccessLevel.Maintainer], Source = source }],
                    ProtectedEnvironments = random.Next(2) == 0 ? [] : [new GitLabProtectedEnvironment { Name = "production", DeployAccess = [Pick(random, [GitLabAccessLevel.Maintainer, GitLabAccessLevel.Developer])], Source = source }],
                    SubClaimComponents = random.Next(3) == 0 ? ["project_id", "ref_type", "ref"] : null,
                    ForkPipelinesInParent = random.Next(3) == 0 ? false : null,
                    Source = source,
                },
            },
        };

        description = $"[{condition}] issuer {issuer}, member {member}, {projects.Length} project input(s)";
        var azure = random.Next(4) == 0;
        return new TrustSet
        {
            Pools = [new GcpPool { Project = project, PoolId = "gitlab", Source = source }],
            Providers = azure ? [] :
            [
                new GcpProvider
                {
                    Project = project, PoolId = "gitlab", ProviderId = "gitlab-com", IssuerUri = issuer, AllowedAudiences = ["https://gitlab.com"],
                    AttributeMapping = new Dictionary<string, string> { ["google.subject"] = "assertion.sub", ["attribute.project_id"] = "assertion.project_id" },
                    AttributeCondition = condition, Source = source,
                },
            ],
            Bindings = azure ? [] : [new GcpBinding { Target = GcpBindingTarget.ServiceAccount("deployer@acme-prod.iam.gserviceaccount.com"), Role = GcpRoles.WorkloadIdentityUser, Member = member, Source = source }],
            AzureIdentities = azure ? [AzureApp(random, issuer, source, out description)] : [],
            GitLabProjects = projects,
        };
    }

    private static AzureIdentity AzureApp(Random random, string issuer, SourceRef source, out string description)
    {
        var expression = random.Next(2) == 0 ? null : $"claims['sub'] matches '{Pick(random, ["project_path:acme/*:ref_type:branch:ref:main", "project_path:acme/payments:*", "project_path:acme/payments:ref_type:tag:ref:v?", "project_path:*"])}'";
        var subject = expression is null ? Pick(random, Subjects) : null;
        description = $"[azure {expression ?? subject}] issuer {issuer}";
        return new AzureIdentity
        {
            Kind = AzureIdentityKind.Application, ClientId = "7f3c1b2a-1111-4a2b-9c3d-0123456789ab", Name = "ci-deployer", Source = source,
            Credentials = [new AzureFederatedCredential { Name = "gitlab", Issuer = issuer, Subject = subject, ClaimsMatchingExpression = expression, Audiences = ["api://AzureADTokenExchange"], Parent = new AzureParentRef { ClientId = "7f3c1b2a-1111-4a2b-9c3d-0123456789ab" }, Source = source }],
        };
    }

    private static string Condition(Random random, int depth)
    {
        if (depth < 2 && random.Next(3) == 0)
        {
            var op = random.Next(3) switch { 0 => "&&", 1 => "||", _ => "&& !" };
            return $"({Condition(random, depth + 1)} {op}({Condition(random, depth + 1)}))";
        }

        switch (random.Next(6))
        {
            case 0:
                var claim = Pick(random, PathClaims);
                var literal = Pick(random, Paths);
                return Pick(random, new[] { $"assertion.{claim} == '{literal}'", $"assertion.{claim} != '{literal}'", $"assertion.{claim}.startsWith('{literal}')", $"assertion.{claim}.endsWith('{literal}')", $"assertion.{claim}.contains('{literal}')", $"assertion.{claim} in ['{literal}', '{Pick(random, Paths)}']" });
            case 1:
                return $"assertion.{Pick(random, PathClaims)}.matches('{Pick(random, Regexes)}')";
            case 2:
                return $"assertion.{Pick(random, new[] { "project_id", "job_project_id", "namespace_id" })} == '{Pick(random, Ids)}'";
            case 3:
                var reference = Pick(random, Refs);
                var refClaim = reference.StartsWith("refs/", StringComparison.Ordinal) ? "ref_path" : "ref";
                return random.Next(2) == 0 ? $"assertion.{refClaim} == '{reference}'" : $"assertion.{refClaim}.startsWith('{reference}')";
            case 4:
                return Pick(random, new[] { "startsWith", "contains", "endsWith" }) is var f && f == "startsWith" || random.Next(2) == 0
                    ? $"assertion.sub.{f}('{Pick(random, Subjects)}')"
                    : $"assertion.sub == '{Pick(random, Subjects)}'";
            default:
                var (c, values) = Pick(random, Enumerated);
                var v = Pick(random, values);
                return c == "user_email" && v.StartsWith('@') ? $"assertion.user_email.endsWith('{v}')"
                    : c == "environment" && random.Next(2) == 0 ? $"assertion.environment.startsWith('{v}')"
                    : $"assertion.{c} == '{v}'";
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
