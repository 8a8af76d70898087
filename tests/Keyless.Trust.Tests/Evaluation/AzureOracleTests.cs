using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Trust.Tests.Audits;
using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation;

namespace Keyless.Trust.Tests.Evaluation;

/// <summary>The red-team's quiet Entra exchange (no reasons built) answers exactly as the explaining one does.</summary>
public sealed class AzureOracleTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    public static TheoryData<string> Examples => new() { "azure-hardened-graph", "azure-vulnerable-flexible-any-branch" };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Should_Admit_The_Same_Tokens_With_The_Same_Credential_Explaining_Or_Not(string example)
    {
        var trust = TrustLoader.Load([Path.Combine(AuditCases.RepoRoot, "examples", example)]);
        var evaluator = new AzureEvaluator(trust, TimeProvider.System);
        var admitted = 0;
        foreach (var identity in trust.AzureIdentities)
        {
            foreach (var claims in Candidates())
            {
                var quiet = evaluator.Exchange(identity, claims, Now, explain: false);
                var told = evaluator.Exchange(identity, claims, Now, explain: true);

                Assert.Equal(told.Succeeded, quiet.Succeeded);
                Assert.Equal(told.Credential, quiet.Credential);
                admitted += quiet.Succeeded ? 1 : 0;
            }
        }

        Assert.True(admitted > 0, "no candidate was admitted, so the comparison proves little");
    }

    private static IEnumerable<TokenClaims> Candidates()
    {
        string[] issuers = ["https://gitlab.com", "https://gitlab.com/", "https://gitlab.example.com"];
        string[] subjects = ["project_path:acme/payments:ref_type:branch:ref:main", "project_path:acme/payments:ref_type:branch:ref:dev",
            "project_id:4242:ref_type:branch:ref:main", "project_id:4242:ref_type:tag:ref:main",
            "project_path:ACME/payments:ref_type:branch:ref:main", "project_path:acme/payments:ref_type:tag:ref:main"];
        string[] audiences = ["api://AzureADTokenExchange", "https://gitlab.com"];
        long[] expiries = [Now.ToUnixTimeSeconds() + 600, Now.ToUnixTimeSeconds() - 3600];
        foreach (var iss in issuers)
        {
            foreach (var sub in subjects)
            {
                foreach (var aud in audiences)
                {
                    foreach (var exp in expiries)
                    {
                        yield return TokenClaims.FromJwtPayload(new JsonObject
                        {
                            ["iss"] = iss, ["sub"] = sub, ["aud"] = aud, ["iat"] = exp - 900, ["nbf"] = exp - 900, ["exp"] = exp,
                        });
                    }
                }
            }
        }
    }
}
