using System.Text.Json.Nodes;

namespace Keyless.Cel.Tests;

/// <summary>
/// Calls with a literal operand run on dedicated nodes (a string claim compared with a string, a list literal of
/// strings, an int bound...). Each must give exactly what the general functions give for every operand, errors
/// and their messages included: the same call with the literal wrapped in <c>dyn()</c> takes the general path,
/// and both are compared over operands of every kind.
/// </summary>
public sealed class CelLiteralOperandTests
{
    private const string Claims = """
        {"ref":"main","sub":"project_path:acme/app:ref_type:branch:ref:main","runner_id":17,"score":17.0,
         "groups_direct":["acme","ops"],"mixed":[17,"ops",1.5],"ci_config_sha":null,"flags":{"ops":true},
         "name":"ta©o😀"}
        """;

    private static readonly CelActivation Activation =
        CelActivation.Empty.With("assertion", CelValue.FromJson(JsonNode.Parse(Claims)));

    private static readonly string[] Operands =
    [
        "assertion.ref", "assertion.sub", "assertion.name", "assertion.runner_id", "assertion.score", "assertion.missing",
        "assertion.groups_direct", "assertion.mixed", "assertion.ci_config_sha", "assertion.flags", "assertion",
        "17", "17u", "17.0", "-1", "'ops'", "''", "b'ops'", "true", "null", "1/0", "[17, 'ops']", "{'ops': 1}",
        "duration('1s')",
    ];

    /// <summary>Each shape, with {0} the operand and {1} the literal (or, for the general path, dyn(literal)).</summary>
    private static readonly (string Shape, string Literal)[] Shapes =
    [
        ("{0} == {1}", "'main'"),
        ("{1} == {0}", "'main'"),
        ("{0} != {1}", "'main'"),
        ("{1} != {0}", "'ops'"),
        ("{0} in {1}", "['acme/web', 'main', 'ops']"),
        ("{0} in {1}", "['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'main', 'ops']"),
        ("{0} in {1}", "[]"),
        ("{0} in {1}", "[17.0, 'ops']"),
        ("{1} in {0}", "'ops'"),
        ("{1} in {0}", "'17'"),
        ("{0}.startsWith({1})", "'ma'"),
        ("{0}.endsWith({1})", "'in'"),
        ("{0}.contains({1})", "'ain'"),
        ("{0}.contains({1})", "''"),
        ("startsWith({0}, {1})", "'ma'"),
        ("{0} < {1}", "18"),
        ("{0} <= {1}", "17"),
        ("{0} > {1}", "16"),
        ("{0} >= {1}", "-2"),
        ("size({0}) < {1}", "5"),
        ("{0}.size() >= {1}", "4"),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (shape, literal) in Shapes)
        {
            foreach (var operand in Operands)
            {
                data.Add(string.Format(shape, operand, literal), string.Format(shape, operand, $"dyn({literal})"));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_Give_What_The_General_Path_Gives(string withLiteral, string general)
    {
        var fast = Cel.Compile(withLiteral).Evaluate(Activation);
        var expected = Cel.Compile(general).Evaluate(Activation);

        Assert.Equal(expected.IsError, fast.IsError);
        Assert.Equal(expected.ErrorMessage, fast.ErrorMessage);
        Assert.Equal(expected.ToString(), fast.ToString());
    }

    [Theory]
    [InlineData("assertion.runner_id == '17'", false)]
    [InlineData("assertion.runner_id != '17'", true)]
    [InlineData("assertion.runner_id in [17.0, 'x']", true)]
    [InlineData("assertion.runner_id in ['17']", false)]
    [InlineData("assertion.score in [17u]", true)]
    [InlineData("'ops' in assertion.groups_direct", true)]
    [InlineData("'ops' in assertion.mixed", true)]
    [InlineData("'ops' in assertion.flags", true)]
    [InlineData("'17' in assertion.mixed", false)]
    [InlineData("assertion.missing == 'x' || true", true)]
    [InlineData("assertion.missing in ['x'] || assertion.ref == 'main'", true)]
    [InlineData("assertion.runner_id.startsWith('1') && false", false)]
    [InlineData("size(assertion.name) < 6 && !(size(assertion.name) < 5) && assertion.name.size() >= 5", true)]
    [InlineData("17.5 > 17 && 16u < 17", true)]
    public void Should_Keep_Cel_Semantics_For_Operands_Of_Other_Kinds(string source, bool expected) =>
        Assert.Equal(expected, Cel.Bool(source, Claims));

    [Theory]
    [InlineData("assertion.runner_id.startsWith('1')", "no such overload: startsWith(int, string)")]
    [InlineData("assertion.missing == 'x'", "no such key: missing")]
    [InlineData("'a' < 1", "no such overload: _<_(string, int)")]
    [InlineData("'ops' in assertion.ref", "no such overload: @in(string, string)")]
    public void Should_Give_The_General_Error(string source, string message) =>
        Assert.Equal(message, Cel.Eval(source, Claims).ErrorMessage);

    [Theory]
    [InlineData("assertion.project_id == '42' && assertion.ref.matches('^release/[0-9]+\\\\.[0-9]+$') || assertion.ref in ['main', 'dev']")]
    [InlineData("'ops' in assertion.groups_direct && size(assertion.sub) < 128 && assertion.sub.startsWith('project_path:')")]
    [InlineData("assertion.runner_id == '17' || !(assertion.missing in ['x']) || assertion.runner_id > 16")]
    public void Should_Trace_The_Clause_Values_Evaluate_Gives(string source)
    {
        var trace = Cel.Compile(source).EvaluateTraced(Activation);

        Assert.Equal(Cel.Compile(source).Evaluate(Activation).ToString(), trace.Result.ToString());
        Assert.All(trace.Clauses, c => Assert.Equal(Cel.Compile(c.Source).Evaluate(Activation).ToString(), c.Value.ToString()));
    }

    public sealed class ConstantLiterals
    {
        [Theory]
        [InlineData("[1, 2u, 3.0] == [1.0, 2, 3u]", true)]
        [InlineData("{'a': [1, 2], 'b': {'c': 'd'}}.b.c == 'd'", true)]
        [InlineData("[[1], ['x']][1][0] == 'x'", true)]
        [InlineData("{1: 'a', 2u: 'b'}[2] == 'b'", true)]
        [InlineData("[1, 2, 3].all(x, x in [3, 2, 1])", true)]
        public void Should_Evaluate_Literals_Built_Once(string source, bool expected) => Assert.Equal(expected, Cel.Bool(source));

        [Fact]
        public void Should_Give_The_Repeated_Key_Error_On_Every_Evaluation()
        {
            var program = Cel.Compile("{1: 'a', 1u: 'b'}");

            Assert.Equal("Failed with repeated key: 1u", program.Evaluate(CelActivation.Empty).ErrorMessage);
            Assert.Equal("Failed with repeated key: 1u", program.Evaluate(CelActivation.Empty).ErrorMessage);
        }

        [Fact]
        public void Should_Give_The_Same_List_Value_Each_Time_Without_Sharing_State()
        {
            var program = Cel.Compile("['a', 'b'] + ['c']");

            Assert.Equal("[\"a\", \"b\", \"c\"]", program.Evaluate(CelActivation.Empty).ToString());
            Assert.Equal("[\"a\", \"b\", \"c\"]", program.Evaluate(CelActivation.Empty).ToString());
        }
    }
}
