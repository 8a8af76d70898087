using System.Globalization;
using BenchmarkDotNet.Attributes;
using Keyless.Trust.Audits;
using Keyless.Trust.Claims;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;
using Keyless.Trust.RedTeam;

namespace Keyless.Bench;

/// <summary>
/// <c>keyless audit</c> on an org-shaped trust built in memory the way bench/gen-corpus lays it out: per team one
/// pool with 10 OIDC providers (the five condition shapes), one service account bound per provider (by
/// <c>attribute.project_id</c>, every fifth pool-wide) and one Entra app with 10 federated credentials. The oracle
/// (<see cref="TrustEvaluator.Admits"/>) is what the search calls for every candidate token; <see cref="Audit"/> at
/// two sizes shows whether the cost per identity stays flat.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class AuditBenchmarks
{
    private const string Number = "123456789012";

    private static readonly string[] Conditions =
    [
        "assertion.project_id == '{0}' && assertion.ref_protected == 'true' && assertion.ref_type == 'branch' && assertion.ref == 'main'",
        "assertion.namespace_path.startsWith('{1}')",
        "assertion.project_path == '{2}' && assertion.ref == 'main'",
        "assertion.job_project_id == '{0}' && assertion.ref_type == 'branch'",
        "assertion.project_id == '{0}' && assertion.environment == 'production'",
    ];

    private TrustSet _trust = null!;
    private TrustEvaluator _evaluator = null!;
    private Identity _serviceAccount = null!;
    private TokenClaims _candidate = null!;

    /// <summary>Teams of 10 providers + 10 credentials (11 identities each).</summary>
    [Params(5, 50)]
    public int Teams { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _trust = Org(Teams);
        _evaluator = TrustEvaluator.For(_trust);
        _serviceAccount = _evaluator.Identities.First(i => i.Kind == IdentityKind.GcpServiceAccount);

        // The anyone persona's first candidate through the identity's first provider: refused, after every provider.
        var engine = new RedTeamEngine(_trust);
        var path = engine.Paths(_serviceAccount)[0];
        var space = PersonaCapabilities.For(AttackScenario.Anyone, path, engine.World);
        var shape = new TokenShape(space.Projects[0], space.RefEvents[0], space.Environments[0], space.Users[0], space.Runners[0], space.ComponentSets[0]);
        _candidate = TokenClaims.FromJson(TokenFactory.Build(path, space, shape));
    }

    /// <summary>One oracle call: the verdict only (the token's CEL view is built on first use and kept, as the search
    /// keeps it across one candidate's providers).</summary>
    [Benchmark]
    public bool Admits() => _evaluator.Admits(_serviceAccount, _candidate);

    /// <summary>The same question as explain asks it, with every provider's reasons.</summary>
    [Benchmark]
    public Decision Decide() => _evaluator.Decide(_serviceAccount, _candidate);

    /// <summary>Every audit over the whole trust (Teams × 11 identities), as the command runs them.</summary>
    [Benchmark]
    public int Audit()
    {
        var context = new AuditContext(_trust);
        return AuditRegistry.All.Sum(rule => rule.Run(context).Count());
    }

    private static TrustSet Org(int teams)
    {
        var project = new GcpProjectRef(Number, null);
        var pools = new List<GcpPool>();
        var providers = new List<GcpProvider>();
        var bindings = new List<GcpBinding>();
        var apps = new List<AzureIdentity>();
        for (var t = 0; t < teams; t++)
        {
            var group = $"team{t:D4}";
            var source = new SourceRef(group, null);
            var poolId = $"pool-{t:D4}";
            pools.Add(new GcpPool { Project = project, PoolId = poolId, Source = source });
            var credentials = new List<AzureFederatedCredential>();
            var clientId = $"00000000-1111-4000-8000-{t:D12}";
            for (var i = 0; i < 10; i++)
            {
                var pid = (100000 + (t * 10) + i).ToString(CultureInfo.InvariantCulture);
                var path = $"{group}/app{i:D2}";
                providers.Add(new GcpProvider
                {
                    Project = project,
                    PoolId = poolId,
                    ProviderId = $"prov-{i:D2}",
                    IssuerUri = "https://gitlab.com",
                    AttributeMapping = new Dictionary<string, string> { ["google.subject"] = "assertion.sub", ["attribute.project_id"] = "assertion.project_id" },
                    AttributeCondition = string.Format(CultureInfo.InvariantCulture, Conditions[(t + i) % Conditions.Length], pid, group, path),
                    Source = source,
                });
                var poolName = $"projects/{Number}/locations/global/workloadIdentityPools/{poolId}";
                bindings.Add(new GcpBinding
                {
                    Target = GcpBindingTarget.ServiceAccount($"sa-{t:D4}-{i:D2}@acme-prod.iam.gserviceaccount.com"),
                    Role = "roles/iam.workloadIdentityUser",
                    Member = i % 5 == 0 ? $"principalSet://iam.googleapis.com/{poolName}/*" : $"principalSet://iam.googleapis.com/{poolName}/attribute.project_id/{pid}",
                    Source = source,
                });
                credentials.Add(new AzureFederatedCredential
                {
                    Name = $"fic-{i:D2}",
                    Issuer = "https://gitlab.com",
                    Audiences = ["api://AzureADTokenExchange"],
                    Subject = i % 2 == 0 ? $"project_path:{path}:ref_type:branch:ref:main" : null,
                    ClaimsMatchingExpression = i % 2 == 0 ? null : $"claims['sub'] matches 'project_path:{path}:ref_type:branch:ref:*'",
                    Parent = new AzureParentRef { ClientId = clientId },
                    Source = source,
                });
            }

            apps.Add(new AzureIdentity { Kind = AzureIdentityKind.Application, Name = group + "-deployer", ClientId = clientId, Credentials = credentials, Source = new SourceRef(group, null) });
        }

        return new TrustSet
        {
            Pools = pools,
            Providers = providers,
            Bindings = bindings,
            AzureIdentities = apps,
            GcpProjectNumbers = new Dictionary<string, string> { ["acme-prod"] = Number },
        };
    }
}
