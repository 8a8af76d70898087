using System.Reflection;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Trust.Audits;
using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>
/// The real-shape corpus (<c>tests/real-shapes/</c>): paths into it, tokens as GitLab mints them for the corpus's
/// project, and the decisions and findings Keyless gives, as <c>keyless explain</c> and <c>keyless audit</c> compute them.
/// </summary>
internal static class Corpus
{
    public static readonly string Root = Path.Combine(RepoRoot(), "tests", "real-shapes");

    /// <summary>The audience the corpus's GCP providers allow, and the one every Azure credential has.</summary>
    public const string GcpAudience = "https://gitlab.com";

    public const string AzureAudience = "api://AzureADTokenExchange";

    /// <summary>The service account most GCP producers bind, and the application most Azure producers describe.</summary>
    public const string Deployer = "deployer@acme-prod.iam.gserviceaccount.com";

    public const string CiDeployer = "app 'ci-deployer' (client id 7f3c2a10-8b4e-4d6f-a1c2-3e5f7a9b0c1d)";

    // 2026-01-01T00:00:10Z: inside the tokens' lifetime.
    private static readonly FixedTime Now = new(DateTimeOffset.FromUnixTimeSeconds(1_767_225_610));

    public static string File(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static TrustSet Load(params string[] relative) => TrustLoader.Load(relative.Select(File));

    /// <summary>
    /// A token GitLab.com mints for <c>acme/payments</c> (project 4242 in group <c>acme</c>, 77) on its protected
    /// <c>main</c> branch, with the audience and claims given replacing the defaults; the <c>sub</c> follows the project's
    /// default components unless given.
    /// </summary>
    public static TokenClaims Token(string aud, params (string Claim, string Value)[] set)
    {
        var claims = new JsonObject
        {
            ["iss"] = "https://gitlab.com",
            ["aud"] = aud,
            ["namespace_id"] = "77",
            ["namespace_path"] = "acme",
            ["project_id"] = "4242",
            ["project_path"] = "acme/payments",
            ["job_project_id"] = "4242",
            ["job_project_path"] = "acme/payments",
            ["job_namespace_id"] = "77",
            ["job_namespace_path"] = "acme",
            ["user_id"] = "31",
            ["user_login"] = "alice",
            ["user_email"] = "alice@acme.example",
            ["user_access_level"] = "maintainer",
            ["pipeline_id"] = "1100",
            ["pipeline_source"] = "push",
            ["job_id"] = "50012",
            ["ref"] = "main",
            ["ref_type"] = "branch",
            ["ref_path"] = "refs/heads/main",
            ["ref_protected"] = "true",
            ["runner_id"] = 12,
            ["runner_environment"] = "gitlab-hosted",
            ["sha"] = "6e2b3c1f0a9d8e7c6b5a49382716e5d4c3b2a190",
            ["ci_config_ref_uri"] = "gitlab.com/acme/payments//.gitlab-ci.yml@refs/heads/main",
            ["ci_config_sha"] = "6e2b3c1f0a9d8e7c6b5a49382716e5d4c3b2a190",
            ["project_visibility"] = "private",
            ["groups_direct"] = new JsonArray("acme"),
            ["iat"] = 1_767_225_600,
            ["nbf"] = 1_767_225_595,
            ["exp"] = 1_767_225_900,
            ["jti"] = "c0ffee00-0000-4000-8000-000000000042",
        };
        foreach (var (claim, value) in set)
        {
            claims[claim] = value;
        }

        claims["sub"] ??= $"project_path:{claims["project_path"]}:ref_type:{claims["ref_type"]}:ref:{claims["ref"]}";
        return TokenClaims.FromJson(claims);
    }

    /// <summary>A token of <c>acme/payments-infra</c> (project 4343), which the managed identity trusts, for Azure.</summary>
    public static TokenClaims InfraToken(params (string Claim, string Value)[] set) =>
        Token(AzureAudience, [("project_id", "4343"), ("project_path", "acme/payments-infra"), ("job_project_id", "4343"), ("job_project_path", "acme/payments-infra"), .. set]);

    /// <summary>The verdict on each identity, by the identity's name.</summary>
    public static Dictionary<string, Verdict> Decisions(TrustSet trust, TokenClaims claims) =>
        TrustEvaluator.For(trust, Now).Decide(claims).ToDictionary(d => d.Identity.Name, d => d.Verdict, StringComparer.Ordinal);

    public static IReadOnlyList<Finding> Findings(TrustSet trust)
    {
        var context = new AuditContext(trust, new AuditOptions { Time = Now });
        return [.. AuditRegistry.All.SelectMany(rule => rule.Run(context))];
    }

    /// <summary>The findings as <c>id identity</c> lines, which the tests compare.</summary>
    public static string[] FindingLines(TrustSet trust) =>
        [.. Findings(trust).Select(f => $"{f.Id} {f.Identity}").Order(StringComparer.Ordinal)];

    private static string RepoRoot() =>
        typeof(Corpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "KeylessRepoRoot").Value!;
}
