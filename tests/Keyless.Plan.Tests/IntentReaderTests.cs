using Keyless.Plan.Intent;
using Keyless.Trust.Diagnostics;

namespace Keyless.Plan.Tests;

/// <summary>Invalid intent is an error at its file, line and column, saying what is wrong and how to fix it.</summary>
public sealed class IntentReaderTests
{
    private const string Valid = """
        project: { path: acme/payments, id: 4242 }
        gcp:
          project: acme-prod
          project_number: "123456789"
          pool: gitlab
          provider: gitlab-com
          service_accounts:
            - email: deploy@acme-prod.iam.gserviceaccount.com
              refs: [main]
        """;

    private static InputException Fails(string yaml) =>
        Assert.Throws<InputException>(() => IntentReader.Read("keyless.yml", yaml));

    public sealed class Read
    {
        [Fact]
        public void Should_Read_The_Minimal_Intent_With_Defaults()
        {
            var intent = IntentReader.Read("keyless.yml", Valid);

            Assert.Equal("https://gitlab.com", intent.Issuer);
            Assert.Equal("payments", intent.Projects[0].Name);
            Assert.Equal(["main"], intent.Gcp!.ServiceAccounts[0].Grant.Branches);
        }

        [Fact]
        public void Should_Name_An_Unknown_Key_At_Its_Line()
        {
            var error = Fails(Valid.Replace("      refs: [main]", "      refs: [main]\n      environment: production", StringComparison.Ordinal));

            Assert.Equal("keyless.yml:10:7 (gcp.service_accounts[0])", error.Location);
            Assert.Contains("unknown key 'environment'", error.Message, StringComparison.Ordinal);
            Assert.Contains("environments", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Reject_A_Wrong_Type_At_The_Value()
        {
            var error = Fails(Valid.Replace("refs: [main]", "refs: main", StringComparison.Ordinal));

            Assert.Equal(9, error.Line);
            Assert.Equal(13, error.Column);
            Assert.Contains("must be a list", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Name_A_Missing_Required_Field()
        {
            var error = Fails(Valid.Replace("  pool: gitlab\n", string.Empty, StringComparison.Ordinal));

            Assert.Equal(3, error.Line);
            Assert.Contains("missing the required key 'pool'", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Report_Broken_Yaml_With_Its_Place()
        {
            var error = Fails(Valid + "\n  - email: [unclosed");

            Assert.Equal("keyless.yml", error.File);
            Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Reject_A_Duplicate_Key()
        {
            var error = Fails(Valid + "\nproject: { path: acme/other, id: 1 }");

            Assert.Equal(10, error.Line);
            Assert.Contains("project", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("refs: [main]", "refs: ['feature/*']", "is a pattern")]
        [InlineData("refs: [main]", "refs: ['a..b']", "not a usable ref name")]
        [InlineData("id: 4242", "id: 42x", "not a numeric id")]
        [InlineData("pool: gitlab", "pool: gcp-pool", "'gcp-' is reserved")]
        [InlineData("project: acme-prod", "project: \"123456789\"", "project number goes in 'project_number'")]
        public void Should_Reject_A_Bad_Value_At_Its_Place(string from, string to, string message)
        {
            var error = Fails(Valid.Replace(from, to, StringComparison.Ordinal));

            Assert.NotNull(error.Line);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Not_Stack_Trace_On_A_Parser_Failure()
        {
            var error = Fails("project: { path: acme/payments, id: 4242\ngcp: [");

            Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Reject_An_Issuer_With_A_Trailing_Slash()
        {
            var error = Fails("issuer: https://gitlab.com/\n" + Valid);

            Assert.Equal(1, error.Line);
            Assert.Contains("trailing slash", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Reject_A_Private_Key_In_The_Inline_Jwks()
        {
            var error = Fails("jwks: '{\"keys\":[{\"kty\":\"RSA\",\"n\":\"x\",\"e\":\"AQAB\",\"d\":\"y\"}]}'\n" + Valid);

            Assert.Contains("private key", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\"y\"", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Reject_A_Jwks_With_An_Escaped_Lone_Surrogate_As_Bad_Input()
        {
            var error = Fails("jwks: '{\"keys\":[{\"kty\":\"\\uD800\",\"n\":\"x\",\"e\":\"AQAB\"}]}'\n" + Valid);

            Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Reject_An_Entry_Without_A_Key_And_Deep_Nesting_As_Bad_Input()
        {
            var noKey = Fails("a:\n : b\n");
            var deep = Fails("x: " + new string('[', 5000) + new string(']', 5000) + "\n");

            Assert.StartsWith("not valid YAML", noKey.Message, StringComparison.Ordinal);
            Assert.Contains("nests too deeply", deep.Message, StringComparison.Ordinal);
            Assert.Equal(1, deep.Line);
        }

        [Fact]
        public void Should_Reject_A_Key_Type_That_Is_Not_A_String_As_Bad_Input()
        {
            var error = Fails("jwks: '{\"keys\":[{\"kty\":1,\"n\":\"x\",\"e\":\"AQAB\"}]}'\n" + Valid);

            Assert.Contains("RSA and EC", error.Message, StringComparison.Ordinal);
        }
    }

    public sealed class Validate
    {
        [Fact]
        public void Should_Refuse_More_Than_20_Azure_Credentials_And_Say_How_To_Split()
        {
            var refs = string.Join(", ", Enumerable.Range(1, 21).Select(i => $"r{i}"));
            var error = Fails($$"""
                project: { path: acme/payments, id: 4242 }
                azure:
                  tenant: 72f988bf-0000-4000-8000-000000000001
                  applications:
                    - client_id: 11111111-1111-4111-8111-111111111111
                      name: deploy
                      refs: [{{refs}}]
                """);

            Assert.Equal("keyless.yml:5:7 (azure.applications[0])", error.Location);
            Assert.Contains("21 federated identity credentials", error.Message, StringComparison.Ordinal);
            Assert.Contains("at most 20", error.Message, StringComparison.Ordinal);
            Assert.Contains("Split it into 2 applications", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Accept_Exactly_20_Azure_Credentials()
        {
            var refs = string.Join(", ", Enumerable.Range(1, 10).Select(i => $"r{i}"));
            var intent = IntentReader.Read("keyless.yml", $$"""
                project: { path: acme/payments, id: 4242 }
                azure:
                  tenant: 72f988bf-0000-4000-8000-000000000001
                  applications:
                    - client_id: 11111111-1111-4111-8111-111111111111
                      name: deploy
                      refs: [{{refs}}]
                      environments: [production, staging]
                """);

            Assert.Equal(20, IntentValidator.AzureCredentialCount(intent, intent.Azure!.Applications[0].Grant));
        }

        [Fact]
        public void Should_Refuse_One_Audience_For_Both_Clouds()
        {
            var error = Fails(Valid + """

                  audience: api://shared
                azure:
                  tenant: 72f988bf-0000-4000-8000-000000000001
                  audience: api://shared
                  applications:
                    - client_id: 11111111-1111-4111-8111-111111111111
                      name: deploy
                      refs: [main]
                """);

            Assert.Contains("share the audience", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Refuse_The_Instance_Url_As_Audience()
        {
            var error = Fails(Valid + "\n  audience: https://gitlab.com");

            Assert.Contains("instance URL", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Ask_Which_Project_When_There_Are_Several()
        {
            var error = Fails(Valid.Replace("project: { path: acme/payments, id: 4242 }",
                "projects:\n  - { path: acme/payments, id: 4242 }\n  - { path: acme/infra, id: 4343 }", StringComparison.Ordinal));

            Assert.Contains("say which this identity is for", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Refuse_An_Identity_Without_Refs()
        {
            var error = Fails(Valid.Replace("      refs: [main]", "      environments: [production]", StringComparison.Ordinal));

            Assert.Equal("keyless.yml:8:7 (gcp.service_accounts[0])", error.Location);
            Assert.Contains("without them any ref would do", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Refuse_Accounts_Of_One_Project_With_Different_Environments()
        {
            var error = Fails(Valid.Replace("      refs: [main]", "      refs: [main]\n      environments: [production]\n    - email: other@acme-prod.iam.gserviceaccount.com\n      refs: [main]", StringComparison.Ordinal));

            Assert.Contains("one pool cannot tell them apart", error.Message, StringComparison.Ordinal);
        }
    }
}
