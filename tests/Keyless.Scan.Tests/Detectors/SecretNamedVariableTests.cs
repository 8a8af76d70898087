using Keyless.GitLab.Api;
using Keyless.Trust.Findings;
using static Keyless.Scan.Tests.ScanAssert;

namespace Keyless.Scan.Tests.Detectors;

public sealed class SecretNamedVariableTests
{
    private const string Id = "secret-named-variable";

    public sealed class Positive
    {
        [Theory]
        [InlineData("GCP_SA_KEY")]
        [InlineData("AZURE_CLIENT_SECRET")]
        [InlineData("GOOGLE_APPLICATION_CREDENTIALS")]
        [InlineData("db-password")]
        public void Should_Flag_A_Hidden_Variable_Named_Like_A_Credential(string name)
        {
            var finding = Single(ScanVariable(new GitLabVariable(name, null, Protected: true, Masked: true, Hidden: true)), Id);

            Assert.Equal(Confidence.Assumed, finding.Confidence);
            Assert.Equal(Severity.Medium, finding.Severity);
        }

        [Fact]
        public void Should_Raise_Severity_For_An_Unprotected_Group_Variable()
        {
            var finding = Single(ScanVariable(new GitLabVariable("DEPLOY_KEY", null, Masked: true, Hidden: true), VariableLevel.Group), Id);

            Assert.Equal(Severity.High, finding.Severity);
            Assert.Contains("inherited by every project in the group", finding.Message, StringComparison.Ordinal);
        }
    }

    public sealed class Negative
    {
        [Theory]
        [InlineData("DEPLOY_ENV")]
        [InlineData("KEYCLOAK_URL")]
        [InlineData("MONKEY")]
        public void Should_Ignore_A_Hidden_Variable_Whose_Name_Says_Nothing_Secret(string name) =>
            None(ScanVariable(new GitLabVariable(name, null, Hidden: true, Masked: true)));

        [Fact]
        public void Should_Not_Judge_By_Name_When_The_Value_Is_There() =>
            None(ScanVariable(new GitLabVariable("CACHE_KEY", "node-modules-v2")));
    }
}
