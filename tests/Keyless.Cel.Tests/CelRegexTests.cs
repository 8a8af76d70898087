
namespace Keyless.Cel.Tests;

/// <summary><c>matches</c> must behave as RE2 (what GCP runs), not as .NET's regex.</summary>
public sealed class CelRegexTests
{
    [Theory]
    [InlineData("'refs/heads/main'.matches('heads/ma')", true)]
    [InlineData("'main'.matches('^main$')", true)]
    [InlineData("'main\\n'.matches('^main$')", false)]
    [InlineData("'a\\nmain'.matches('(?m)^main$')", true)]
    [InlineData("'١٢٣'.matches('^\\\\d+$')", false)]
    [InlineData("'123'.matches('^\\\\d+$')", true)]
    [InlineData("'é'.matches('^\\\\w$')", false)]
    [InlineData("'\\u00a0'.matches('\\\\s')", false)]
    [InlineData("'release-1.2'.matches('^release-[[:digit:]]+\\\\.[0-9]+$')", true)]
    [InlineData("'Main'.matches('(?i)^main$')", true)]
    [InlineData("'ab'.matches('(?P<first>a)b')", true)]
    [InlineData("'x{2}'.matches('x{2')", true)]
    [InlineData("matches('abc', 'b')", true)]
    [InlineData("'a.b'.matches('a\\\\.b') && !'axb'.matches('a\\\\.b')", true)]
    [InlineData("'AB'.matches('\\\\x41\\\\x{42}')", true)]
    [InlineData("'😀'.matches('^.$')", true)]
    [InlineData("'😀'.matches('^..$')", false)]
    [InlineData("'a😀b'.matches('^a[^x]b$')", true)]
    [InlineData("'😀'.matches('^\\\\D$') && '😀'.matches('^[\\\\W]$') && '😀'.matches('^\\\\PL$')", true)]
    [InlineData("'a\\nb'.matches('a.b')", false)]
    [InlineData("'a\\nb'.matches('(?s)a.b') && 'a\\nb'.matches('(?s:a.)b')", true)]
    [InlineData("'a\\nb'.matches('(?s:a)(.)b')", false)]
    [InlineData("'émain'.matches('\\\\bmain')", true)]
    [InlineData("'ümain'.matches('\\\\Bmain')", false)]
    [InlineData("'xmain'.matches('\\\\bmain')", false)]
    [InlineData("'a main!'.matches('\\\\bmain\\\\b')", true)]
    [InlineData("'main_x'.matches('main\\\\b')", false)]
    [InlineData("'main'.matches('^\\\\bmain\\\\b$')", true)]
    [InlineData("'😀main'.matches('^.\\\\bmain$')", true)]
    [InlineData("'a-b c'.matches('^(?:\\\\b\\\\w+\\\\b[- ]?)+$')", true)]
    [InlineData("'x\\nmain'.matches('(?m)^\\\\bmain$')", true)]
    public void Should_Match_As_Re2(string source, bool expected) => Assert.Equal(expected, Cel.Bool(source));

    [Theory]
    [InlineData("'abc'.matches('a(?=b)')")]
    [InlineData("'abc'.matches('a(?!b)')")]
    [InlineData("'abc'.matches('(?<=a)b')")]
    [InlineData("'aa'.matches('(a)\\\\1')")]
    [InlineData("'a'.matches('(?>a)')")]
    [InlineData("'a'.matches('a{1001}')")]
    [InlineData("'a'.matches('[a')")]
    [InlineData("'a'.matches('a**')")]
    [InlineData("'a'.matches('\\\\Z')")]
    public void Should_Give_An_Error_For_What_Re2_Rejects(string source)
    {
        var value = Cel.Eval(source);

        Assert.True(value.IsError, source);
        Assert.Contains("regular expression", value.ErrorMessage, StringComparison.Ordinal);
    }

    // Its cost against the input size is measured in Keyless.Fuzz.Tests.ScalingTests, not with a clock here.
    [Fact]
    public void Should_Match_A_Catastrophic_Pattern()
    {
        var claims = "{\"long\":\"" + new string('a', 20_000) + "!\"}";
        var program = Cel.Compile("assertion.long.matches('^(a+)+$')");
        var activation = CelActivation.Empty.With("assertion", CelValue.FromJson(System.Text.Json.Nodes.JsonNode.Parse(claims)));
        var value = program.Evaluate(activation);

        Assert.True(value.TryGetBool(out var matched));
        Assert.False(matched);
    }

    // Its cost against the input size is measured in Keyless.Fuzz.Tests.ScalingTests, not with a clock here.
    [Fact]
    public void Should_Match_A_Catastrophic_Pattern_With_Word_Boundaries()
    {
        var claims = "{\"long\":\"é" + new string('a', 20_000) + "!\"}";
        var program = Cel.Compile("assertion.long.matches('\\\\b(a+)+\\\\b$')");
        var activation = CelActivation.Empty.With("assertion", CelValue.FromJson(System.Text.Json.Nodes.JsonNode.Parse(claims)));
        var value = program.Evaluate(activation);

        Assert.True(value.TryGetBool(out var matched));
        Assert.False(matched);
    }

    [Fact]
    public void Should_Match_A_Pattern_Given_At_Run_Time()
    {
        var program = Cel.Compile("assertion.ref.matches(assertion.pattern)");
        var activation = CelActivation.Empty.With("assertion", CelValue.Map(
        [
            new KeyValuePair<string, CelValue>("ref", CelValue.Of("release/1.0")),
            new KeyValuePair<string, CelValue>("pattern", CelValue.Of("^release/[0-9.]+$")),
        ]));

        Assert.True(program.Evaluate(activation).TryGetBool(out var matched) && matched);
    }
}
