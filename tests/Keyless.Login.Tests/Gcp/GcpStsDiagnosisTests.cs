using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Login.Diagnosis;
using Keyless.Login.Gcp;
using Keyless.Login.Tests.Infrastructure;
using Keyless.Trust.Evaluation;
using Microsoft.Extensions.Time.Testing;

namespace Keyless.Login.Tests.Gcp;

/// <summary>Each STS error of the catalogue (cloud-semantics A9, verbatim) becomes its cause with the values.</summary>
public sealed class GcpStsDiagnosisTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static GcpLoginRequest Request(JsonObject claims) => new()
    {
        Provider = GcpProviderName.Parse(TestTrust.StsAudience),
        ServiceAccount = TestTrust.ServiceAccount,
        Token = TestTokens.Token(claims),
    };

    private static LoginFailure Explain(CloudError error, JsonObject claims, bool withTrust)
    {
        var request = Request(claims);
        var prediction = withTrust
            ? GcpTrustCheck.Predict(request, TrustLoader.Load([Repo.ExampleTrust]), new FakeTimeProvider(Now), [])
            : null;
        return GcpStsDiagnosis.Explain(error, request, prediction);
    }

    private static string Text(LoginFailure failure) => string.Join("\n", failure.Causes.Concat(failure.Fixes));

    [Fact]
    public void Should_Name_The_Tokens_Audience_And_The_Providers_Allowed_Ones()
    {
        var claims = TestTokens.Claims("https://gitlab.example.com", Now);
        var error = new CloudError(400, "invalid_grant", "The audience in ID Token [https://gitlab.example.com] does not match the expected audience.");

        var failure = Explain(error, claims, withTrust: true);

        Assert.Equal("invalid_grant: The audience in ID Token [https://gitlab.example.com] does not match the expected audience.", failure.Refusal);
        Assert.Contains("The token's aud is https://gitlab.example.com; provider projects/123456789012/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com accepts only \"//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com\"", failure.Causes[0], StringComparison.Ordinal);
        Assert.Contains("id_tokens:", Text(failure), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Name_The_Default_Audiences_And_How_To_Look_Without_Trust()
    {
        var claims = TestTokens.Claims("https://gitlab.example.com", Now);
        var error = new CloudError(400, "invalid_grant", "The audience in ID Token [https://gitlab.example.com] does not match the expected audience.");

        var failure = Explain(error, claims, withTrust: false);

        Assert.Contains("The token's aud is https://gitlab.example.com", failure.Causes[0], StringComparison.Ordinal);
        Assert.Contains("\"" + TestTrust.StsAudience + "\"", failure.Causes[0], StringComparison.Ordinal);
        Assert.Contains("--format='value(oidc.allowedAudiences)'", Text(failure), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Take_The_Expected_Issuer_From_The_Error_Itself()
    {
        var claims = TestTokens.Claims(TestTrust.StsAudience, Now);
        claims["iss"] = "https://gitlab.example.com";
        var error = new CloudError(400, "invalid_grant", "The issuer in ID Token https://gitlab.example.com does not match the expected ones: https://gitlab.com/");

        var failure = Explain(error, claims, withTrust: false);

        Assert.Contains("The token's iss is https://gitlab.example.com; provider", failure.Causes[0], StringComparison.Ordinal);
        Assert.Contains("trusts issuer https://gitlab.com/", failure.Causes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Name_The_Failing_Clause_And_Its_Claim_From_The_Trust_On_A_Condition_Refusal()
    {
        var claims = TestTokens.Claims(TestTrust.StsAudience, Now, reference: "feature", refProtected: "false");
        var error = new CloudError(400, "unauthorized_client", "The given credential is rejected by the attribute condition.");

        var failure = Explain(error, claims, withTrust: true);

        Assert.Contains("assertion.ref_protected == \"true\"", Text(failure), StringComparison.Ordinal);
        Assert.Contains("ref_protected \"false\"", Text(failure), StringComparison.Ordinal);
        Assert.Contains(failure.Causes, c => c.StartsWith("Trust inputs: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_List_The_Pinned_Claims_Without_Trust_On_A_Condition_Refusal()
    {
        var claims = TestTokens.Claims(TestTrust.StsAudience, Now, reference: "feature", refProtected: "false");
        var error = new CloudError(400, "unauthorized_client", "The given credential is rejected by the attribute condition.");

        var failure = Explain(error, claims, withTrust: false);

        Assert.Contains("project_id \"4242\"", Text(failure), StringComparison.Ordinal);
        Assert.Contains("ref \"feature\"", Text(failure), StringComparison.Ordinal);
        Assert.Contains("--trust", Text(failure), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invalid_grant", "ID Token issued at 1772366400 is stale to sign-in.", "considers the token expired")]
    [InlineData("invalid_grant", "Unable to verify the ID Token signature.", "kid test-key")]
    [InlineData("invalid_grant", "Error connecting to the given credential's issuer.", "https://gitlab.com/.well-known/openid-configuration")]
    [InlineData("invalid_request", "The size of mapped attribute google.subject exceeds the 127 bytes limit. Either modify your attribute mapping or the incoming assertion to produce a mapped attribute that is less than 127 bytes.", "bytes: project_path:acme/payments")]
    [InlineData("unauthorized_client", "The mapped attribute 'google.subject' must be of type STRING.", "non-string")]
    [InlineData("invalid_target", "The target service indicated by the \"audience\" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn't exist.", "does not exist, is disabled or deleted")]
    [InlineData("quota_exceeded", "The request was throttled due to rate limit: sts.googleapis.com/requests. Please retry after a few seconds.", "throttled")]
    public void Should_Explain_Each_Catalogued_Refusal(string code, string description, string expected)
    {
        var failure = Explain(new CloudError(400, code, description), TestTokens.Claims(TestTrust.StsAudience, Now), withTrust: false);

        Assert.Contains(expected, Text(failure), StringComparison.Ordinal);
        Assert.Equal($"{code}: {description}", failure.Refusal);
    }
}
