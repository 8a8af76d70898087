using Keyless.Emulator.Logging;

namespace Keyless.Emulator.Tests.Logging;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("sub 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' is wrong", "sub '[redacted]' is wrong")]
    [InlineData("token ya29.d.AbC_-123 leaked", "token [redacted] leaked")]
    [InlineData("plain text with eyJ but no dots", "plain text with eyJ but no dots")]
    [InlineData("keyJ.a stays", "keyJ.a stays")]
    [InlineData("aud x-eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln here", "aud x-[redacted] here")]
    [InlineData("ref feature_ya29.abc_def here", "ref feature_[redacted] here")]
    [InlineData("project_path:group/eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "project_path:group/[redacted]")]
    [InlineData("x.y.eyJa but the dots come first", "x.y.eyJa but the dots come first")]
    public void Should_Replace_Token_Shaped_Text(string input, string expected)
    {
        Assert.Equal(expected, Redaction.Scrub(input));
    }

    // Its cost against the input size is measured in Keyless.Fuzz.Tests.ScalingTests, not with a clock here.
    [Fact]
    public void Should_Scrub_A_Long_Run_Of_Token_Prefixes()
    {
        var input = string.Concat(Enumerable.Repeat("eyJ.", 200_000));
        var output = Redaction.Scrub(input);

        Assert.Equal(Redaction.Redacted, output);
    }

    // Its cost against the input size is measured in Keyless.Fuzz.Tests.ScalingTests, not with a clock here.
    [Fact]
    public void Should_Scrub_A_Long_Run_Of_Glued_Token_Prefixes()
    {
        var input = string.Concat(Enumerable.Repeat("xeyJ-ya29", 200_000)) + ".a";
        var output = Redaction.Scrub(input);

        Assert.Equal(input[..^"ya29.a".Length] + Redaction.Redacted, output);
    }
}
