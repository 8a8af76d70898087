using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Login.Azure;
using Keyless.Login.Diagnosis;
using Keyless.Login.Tests.Infrastructure;
using Keyless.Trust.Evaluation;
using Microsoft.Extensions.Time.Testing;

namespace Keyless.Login.Tests.Azure;

/// <summary>Each AADSTS code of the catalogue (cloud-semantics B5) becomes its cause with the token's values.</summary>
public sealed class AzureDiagnosisTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static LoginFailure Explain(int code, JsonObject claims, bool withTrust)
    {
        var request = new AzureLoginRequest { Tenant = TestTrust.TenantId, ClientId = TestTrust.ClientId, Token = TestTokens.Token(claims) };
        var prediction = withTrust
            ? AzureTrustCheck.Predict(request, TrustLoader.Load([Repo.ExampleTrust]), new FakeTimeProvider(Now), [])
            : null;
        return AzureDiagnosis.Explain(new CloudError(401, "invalid_client", $"AADSTS{code}: (the description)"), code, request, prediction);
    }

    private static string Text(LoginFailure failure) => string.Join("\n", failure.Causes.Concat(failure.Fixes));

    [Fact]
    public void Should_Show_The_Sub_And_The_Expected_Subject_On_700213()
    {
        var claims = TestTokens.Claims(TestTrust.AzureAudience, Now, sub: "project_path:acme/payments:ref_type:branch:ref:feature");

        var failure = Explain(700213, claims, withTrust: true);

        Assert.Contains("The token's sub is project_path:acme/payments:ref_type:branch:ref:feature", failure.Causes[0], StringComparison.Ordinal);
        Assert.Contains($"'{TestTrust.MainSubject}' (credential 'gitlab-main')", Text(failure), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Show_The_Aud_And_The_Expected_Audience_On_700212()
    {
        var failure = Explain(700212, TestTokens.Claims("https://gitlab.com", Now), withTrust: true);

        Assert.Contains("The token's aud is https://gitlab.com", failure.Causes[0], StringComparison.Ordinal);
        Assert.Contains("'api://AzureADTokenExchange' (credential 'gitlab-main')", Text(failure), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Show_The_Issuers_The_App_Trusts_On_700211()
    {
        var claims = TestTokens.Claims(TestTrust.AzureAudience, Now);
        claims["iss"] = "https://gitlab.com/";

        var failure = Explain(700211, claims, withTrust: true);

        Assert.Contains("The token's iss is https://gitlab.com/", failure.Causes[0], StringComparison.Ordinal);
        Assert.Contains("'https://gitlab.com' (credential 'gitlab-main')", Text(failure), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7002138, "case")]
    [InlineData(70021, "iss https://gitlab.com, sub project_path:acme/payments:ref_type:branch:ref:main, aud api://AzureADTokenExchange")]
    [InlineData(700024, "outside its time window")]
    [InlineData(7000272, "kid test-key")]
    [InlineData(501661, "https://gitlab.com/.well-known/openid-configuration")]
    [InlineData(700016, "no application or managed identity with client id " + TestTrust.ClientId)]
    [InlineData(90002, "Tenant " + TestTrust.TenantId + " does not exist")]
    [InlineData(700222, "issued by Entra")]
    public void Should_Explain_Each_Catalogued_Code(int code, string expected)
    {
        var failure = Explain(code, TestTokens.Claims(TestTrust.AzureAudience, Now), withTrust: false);

        Assert.Contains(expected, Text(failure), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"error":"invalid_client","error_description":"AADSTS700213: No matching…","error_codes":[700213]}""", 700213)]
    [InlineData("""{"error":"invalid_request","error_description":"AADSTS70021: No matching federated identity record found"}""", 70021)]
    [InlineData("""{"error":"invalid_client","error_description":"no code here"}""", null)]
    public void Should_Read_The_Code_From_Error_Codes_Or_The_Description(string body, int? expected)
    {
        var json = JsonNode.Parse(body)!.AsObject();

        Assert.Equal(expected, EntraClient.Code(json, json["error_description"]!.GetValue<string>()));
    }
}
