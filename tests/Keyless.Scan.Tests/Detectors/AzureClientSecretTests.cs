using Keyless.GitLab.Api;
using static Keyless.Scan.Tests.ScanAssert;

namespace Keyless.Scan.Tests.Detectors;

public sealed class AzureClientSecretTests
{
    private const string Id = "azure-client-secret";

    public sealed class Positive
    {
        [Fact]
        public void Should_Find_A_Secret_In_A_Dotenv_Line() =>
            Single(ScanText($"AZURE_CLIENT_ID=1111\nAZURE_CLIENT_SECRET={Samples.AzureClientSecret()}\n"), Id);

        [Fact]
        public void Should_Find_A_Masked_Protected_Variable_At_The_Base_Severity()
        {
            var finding = Single(ScanVariable(new GitLabVariable("ARM_CLIENT_SECRET", Samples.AzureClientSecret(), Protected: true, Masked: true)), Id);

            Assert.Equal(Keyless.Trust.Findings.Severity.High, finding.Severity);
        }

        [Fact]
        public void Should_Raise_Severity_For_An_Unprotected_Variable() =>
            Assert.Equal(Keyless.Trust.Findings.Severity.Critical,
                Single(ScanVariable(new GitLabVariable("ARM_CLIENT_SECRET", Samples.AzureClientSecret(), Masked: true)), Id).Severity);
    }

    public sealed class Negative
    {
        [Fact]
        public void Should_Ignore_A_Tail_That_Is_Too_Short() =>
            None(ScanText("secret: " + Samples.AzureClientSecret()[..30]));

        [Fact]
        public void Should_Ignore_A_Marker_Without_The_Digit_Before_It() =>
            None(ScanText("abcdQ~" + Samples.Random("abcdefghijklmnop", 34)));

        [Fact]
        public void Should_Ignore_A_Marker_Inside_A_Longer_Word() =>
            None(ScanText("xyz" + Samples.AzureClientSecret()));
    }
}
