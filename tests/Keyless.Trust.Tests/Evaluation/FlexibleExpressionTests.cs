using Keyless.Trust.Evaluation.Azure;

namespace Keyless.Trust.Tests.Evaluation;

public sealed class FlexibleExpressionTests
{
    [Fact]
    public void Parses_clauses_joined_by_and()
    {
        var e = FlexibleExpression.Parse("claims['sub'] matches 'project_path:g/*' and claims['sub'] eq 'project_path:g/p:ref_type:branch:ref:main'");
        Assert.Null(e.Error);
        Assert.Equal(["matches", "eq"], e.Clauses.Select(c => c.Operator));
        Assert.True(e.Clauses.All(c => c.IsMatch("project_path:g/p:ref_type:branch:ref:main")));
    }

    [Theory]
    [InlineData("claims['sub'] matches 'a' or claims['sub'] matches 'b'", "only with 'and'")]
    [InlineData("claims['sub'] contains 'a'", "unknown operator")]
    [InlineData("claims['ref'] eq 'main'", "not supported")]
    [InlineData("claims['sub'] eq 'unterminated", "unterminated")]
    [InlineData("sub eq 'x'", "expected")]
    public void Says_why_entra_would_refuse_it(string source, string why) =>
        Assert.Contains(why, FlexibleExpression.Parse(source).Error, StringComparison.Ordinal);

    [Fact]
    public void Escaped_quote_is_part_of_the_value() =>
        Assert.Equal("it's", FlexibleExpression.Parse(@"claims['sub'] eq 'it\'s'").Clauses[0].Value);
}
