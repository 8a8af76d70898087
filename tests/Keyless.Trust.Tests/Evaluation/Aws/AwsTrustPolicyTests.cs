using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Trust.Tests.Evaluation.Aws;

public sealed class AwsTrustPolicyTests
{
    private const string Policy = """
        {"Version":"2012-10-17","Statement":{"Sid":"GitLab","Effect":"Allow",
         "Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/gitlab.com"},
         "Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],
         "Condition":{"StringEquals":{"gitlab.com:aud":"https://gitlab.com"},"StringLike":{"gitlab.com:sub":["a*","b?"]},"Bool":{"gitlab.com:x":true}}}}
        """;

    [Fact]
    public void Reads_an_object_a_json_string_and_the_url_encoded_api_form_alike()
    {
        var fromObject = AwsTrustPolicy.Parse(JsonNode.Parse(Policy));
        var fromString = AwsTrustPolicy.Parse(JsonValue.Create(Policy));
        var fromEncoded = AwsTrustPolicy.ParseText(Uri.EscapeDataString(Policy));
        foreach (var (statements, error) in new[] { fromObject, fromString, fromEncoded })
        {
            Assert.Null(error);
            var s = Assert.Single(statements);
            Assert.Equal("GitLab", s.Sid);
            Assert.True(s.IsAllow);
            Assert.Equal(["arn:aws:iam::111122223333:oidc-provider/gitlab.com"], s.Federated);
            Assert.Equal(2, s.Actions.Count);
            Assert.Equal(["a*", "b?"], s.Conditions.Single(c => c.Operator == "StringLike").Values);
            Assert.Equal(["true"], s.Conditions.Single(c => c.Operator == "Bool").Values);
        }
    }

    [Theory]
    [InlineData("""{"Statement":[{"Effect":"Permit","Principal":"*","Action":"*"}]}""", "Statement[0].Effect is 'Permit'")]
    [InlineData("""{"Version":"2012-10-17"}""", "no Statement")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*"}]}""", "has no Principal")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Condition":["x"]}]}""", "Condition is a list")]
    [InlineData("""{"Statement": [""", "not valid JSON")]
    public void A_document_IAM_would_refuse_gives_an_error_naming_the_place(string text, string expected)
    {
        var (statements, error) = AwsTrustPolicy.ParseText(text);
        Assert.Empty(statements);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void NotPrincipal_and_NotAction_are_kept_as_unmodelled()
    {
        var (statements, _) = AwsTrustPolicy.ParseText("""{"Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"x"},"NotAction":"s3:*"}]}""");
        Assert.Equal(["NotPrincipal", "NotAction"], Assert.Single(statements).Unmodelled);
    }
}
