using Keyless.Trust.Evaluation.Azure;

namespace Keyless.Trust.Tests.Evaluation;

public sealed class WildcardPatternTests
{
    [Theory]
    [InlineData("project_path:g/p:ref_type:branch:ref:*", "project_path:g/p:ref_type:branch:ref:main", true)]
    [InlineData("project_path:g/p:ref_type:branch:ref:*", "project_path:g/p-evil:ref_type:branch:ref:main", false)]
    [InlineData("project_path:g/*:ref_type:tag:ref:v?", "project_path:g/x/y:ref_type:tag:ref:v1", true)]
    [InlineData("project_path:g/*:ref_type:tag:ref:v?", "project_path:g/x:ref_type:tag:ref:v10", false)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "acb", false)]
    [InlineData("*", "", true)]
    [InlineData("?", "", false)]
    [InlineData("exact", "Exact", false)]
    public void Matches_whole_text_with_star_and_question_mark(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new WildcardPattern(pattern).IsMatch(text));

    // Its cost against the input size is measured in Keyless.Fuzz.Tests.ScalingTests, not with a clock here.
    [Fact]
    public void A_pattern_of_many_stars_refuses_a_long_text()
    {
        var pattern = new WildcardPattern(string.Concat(Enumerable.Repeat("*a", 30)) + "b");
        var text = new string('a', 20_000);
        Assert.False(pattern.IsMatch(text));
    }
}
