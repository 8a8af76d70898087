using static Keyless.Scan.Tests.ScanAssert;

namespace Keyless.Scan.Tests.Detectors;

public sealed class GitLabTokenTests
{
    private const string Id = "gitlab-token";

    public sealed class Positive
    {
        [Theory]
        [InlineData("glpat-", "access token")]
        [InlineData("gldt-", "deploy token")]
        [InlineData("glrt-", "runner authentication token")]
        [InlineData("glptt-", "trigger token")]
        [InlineData("GR1348941", "registration token")]
        public void Should_Find_A_Token_By_Its_Prefix_And_Name_Its_Kind(string prefix, string kind) =>
            Assert.Contains(kind, Single(ScanText($"token: {Samples.GitLabToken(prefix)}\n"), Id).Message, StringComparison.Ordinal);
    }

    public sealed class Negative
    {
        [Fact]
        public void Should_Ignore_A_Prefix_With_A_Short_Body() => None(ScanText("glpat-" + Samples.Random("abcdef", 12)));

        [Fact]
        public void Should_Ignore_A_Prefix_Inside_A_Word() => None(ScanText("xglpat-" + Samples.Random("abcdef", 24)));

        [Fact]
        public void Should_Ignore_Documentation_Placeholders() => None(ScanText("PRIVATE-TOKEN: <your_access_token>"));
    }
}
