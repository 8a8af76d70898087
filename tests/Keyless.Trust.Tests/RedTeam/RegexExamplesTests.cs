using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Tests.RedTeam;

public sealed class RegexExamplesTests
{
    [Theory]
    [InlineData("^(acme/payments|acme/billing)$")]
    [InlineData("^release-[0-9]+$")]
    [InlineData("acme/.*")]
    [InlineData("^refs/heads/main$")]
    public void Simple_shapes_yield_a_match_and_a_near_miss(string pattern)
    {
        var atom = new ClaimAtom("ref", AtomKind.Regex, pattern);
        var examples = RegexExamples.For(pattern);
        Assert.Contains(examples, atom.Evaluate);
        Assert.Contains(examples, e => !atom.Evaluate(e));
    }

    [Fact]
    public void An_unanchored_pattern_admits_attacker_text_around_it()
    {
        var atom = new ClaimAtom("project_path", AtomKind.Regex, "acme/payments");
        Assert.Contains(RegexExamples.For("acme/payments"), e => e.StartsWith("evil", StringComparison.Ordinal) && atom.Evaluate(e));
    }

    [Theory]
    [InlineData("^(?=acme)")]
    [InlineData("^a{2,3}$")]
    public void Other_shapes_are_not_claimed(string pattern) => Assert.False(RegexExamples.IsSimple(pattern));
}
