using static Keyless.Scan.Tests.ScanAssert;

namespace Keyless.Scan.Tests.Detectors;

public sealed class AwsAccessKeyIdTests
{
    private const string Id = "aws-access-key-id";

    public sealed class Positive
    {
        [Fact]
        public void Should_Find_An_Access_Key_Id_As_A_Whole_Word() =>
            Single(ScanText($"export AWS_ACCESS_KEY_ID={Samples.AwsAccessKeyId()}\n"), Id);

        [Fact]
        public void Should_Find_A_Temporary_Key_Id() =>
            Single(ScanText("ASIA" + Samples.AwsAccessKeyId()[4..]), Id);
    }

    public sealed class Negative
    {
        [Fact]
        public void Should_Ignore_Lower_Case() => None(ScanText(Samples.AwsAccessKeyId().ToLowerInvariant()));

        [Fact]
        public void Should_Ignore_One_Character_Short() => None(ScanText(Samples.AwsAccessKeyId()[..19]));

        [Fact]
        public void Should_Ignore_A_Key_Id_Inside_A_Longer_Word() => None(ScanText("X" + Samples.AwsAccessKeyId() + "Z"));

        // The key id of AWS's own documentation (IAM user guide, every SDK's README), never issued.
        [Fact]
        public void Should_Ignore_AWSs_Documentation_Example() => None(ScanText("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"));

        [Fact]
        public void Should_Ignore_Any_Id_Ending_In_EXAMPLE() => None(ScanText("ASIA" + Samples.AwsAccessKeyId()[4..13] + "EXAMPLE"));
    }
}
