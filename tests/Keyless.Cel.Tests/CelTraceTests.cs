namespace Keyless.Cel.Tests;

public sealed class CelTraceTests
{
    private static CelTrace Trace(string source, string claims) =>
        Cel.Compile(source).EvaluateTraced(
            CelActivation.Empty.With("assertion", CelValue.FromJson(System.Text.Json.Nodes.JsonNode.Parse(claims))));

    [Fact]
    public void Should_Report_Each_Leaf_Clause_With_Its_Value_And_Span()
    {
        const string source = "assertion.project_id == '42' && (assertion.ref == 'main' || assertion.ref.startsWith('release/'))";

        var trace = Trace(source, """{"project_id":"42","ref":"dev"}""");

        Assert.True(trace.Result.TryGetBool(out var allowed));
        Assert.False(allowed);
        Assert.Equal(
            ["assertion.project_id == '42'", "assertion.ref == 'main'", "assertion.ref.startsWith('release/')"],
            trace.Clauses.Select(c => c.Source));
        Assert.Equal([true, false, false], trace.Clauses.Select(c => c.Value.TryGetBool(out var b) && b));
        Assert.All(trace.Clauses, c => Assert.Equal(c.Source, source.Substring(c.Offset, c.Length)));
    }

    [Fact]
    public void Should_Give_Errors_Of_Clauses_And_The_Same_Result_As_Evaluate()
    {
        const string source = "!(assertion.environment == 'prod') ? assertion.ref == 'main' : false";
        const string claims = """{"ref":"main"}""";

        var trace = Trace(source, claims);
        var plain = Cel.Compile(source).Evaluate(
            CelActivation.Empty.With("assertion", CelValue.FromJson(System.Text.Json.Nodes.JsonNode.Parse(claims))));

        Assert.True(trace.Result.IsError);
        Assert.True(plain.IsError);
        Assert.Equal(3, trace.Clauses.Count);
        Assert.True(trace.Clauses[0].Value.IsError);
        Assert.Equal("assertion.environment == 'prod'", trace.Clauses[0].Source);
    }

    [Fact]
    public void Should_Treat_A_Non_Boolean_Expression_As_One_Clause()
    {
        var trace = Trace("assertion.sub.split(':')[0]", """{"sub":"a:b"}""");

        var clause = Assert.Single(trace.Clauses);
        Assert.True(clause.Value.TryGetString(out var s));
        Assert.Equal("a", s);
    }
}
