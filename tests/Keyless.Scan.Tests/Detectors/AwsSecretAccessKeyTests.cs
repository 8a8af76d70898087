using Keyless.GitLab.Api;
using static Keyless.Scan.Tests.ScanAssert;

namespace Keyless.Scan.Tests.Detectors;

public sealed class AwsSecretAccessKeyTests
{
    private const string Id = "aws-secret-access-key";

    public sealed class Positive
    {
        [Theory]
        [InlineData("aws_secret_access_key = {0}")]
        [InlineData("AWS_SECRET_ACCESS_KEY: \"{0}\"")]
        [InlineData("  awsSecretKey => '{0}'")]
        public void Should_Find_A_Secret_Assigned_To_An_Aws_Secret_Name(string template) =>
            Single(ScanText(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Samples.AwsSecretAccessKey())), Id);

        [Fact]
        public void Should_Find_A_Variable_Named_Like_One_Whose_Whole_Value_Is_A_Secret() =>
            Single(ScanVariable(new GitLabVariable("AWS_SECRET_ACCESS_KEY", Samples.AwsSecretAccessKey(), Protected: true, Masked: true)), Id);
    }

    public sealed class Negative
    {
        [Fact]
        public void Should_Ignore_Forty_Characters_Without_An_Aws_Secret_Name() =>
            None(ScanText("checksum = " + Samples.AwsSecretAccessKey()));

        // The secret of AWS's own documentation, beside AKIAIOSFODNN7EXAMPLE; never issued.
        [Fact]
        public void Should_Ignore_AWSs_Documentation_Example() =>
            None(ScanText("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"));

        [Fact]
        public void Should_Ignore_A_Value_Of_The_Wrong_Length() =>
            None(ScanText("aws_secret_access_key = " + Samples.AwsSecretAccessKey()[..39]));

        [Fact]
        public void Should_Ignore_A_Reference_To_Another_Variable() =>
            None(ScanVariable(new GitLabVariable("AWS_SECRET_ACCESS_KEY", "$VAULT_AWS_SECRET")));
    }
}
