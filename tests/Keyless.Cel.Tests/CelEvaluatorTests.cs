namespace Keyless.Cel.Tests;

public sealed class CelEvaluatorTests
{
    private const string Claims = """
        {"sub":"project_path:acme/app:ref_type:branch:ref:main","project_path":"acme/app","project_id":"42",
         "ref":"main","ref_protected":"true","runner_id":17,"groups_direct":["acme","ops"],"ci_config_sha":null,
         "name":"ta©o😀"}
        """;

    public sealed class Numbers
    {
        [Theory]
        [InlineData("1 == 1.0")]
        [InlineData("1u == 1")]
        [InlineData("1u == 1.0")]
        [InlineData("[1, 2] == [1.0, 2u]")]
        [InlineData("{1: 'a'}[1u] == 'a'")]
        [InlineData("2 < 2.5 && 3u > 2")]
        [InlineData("1 != 'a'")]
        public void Should_Compare_Numbers_Across_Kinds(string source) => Assert.True(Cel.Bool(source));

        [Theory]
        [InlineData("9223372036854775807 + 1")]
        [InlineData("-9223372036854775808 - 1")]
        [InlineData("9223372036854775807 * 2")]
        [InlineData("-9223372036854775808 / -1")]
        [InlineData("0u - 1u")]
        [InlineData("18446744073709551615u + 1u")]
        [InlineData("1 / 0")]
        [InlineData("1 % 0")]
        [InlineData("int(1e19)")]
        [InlineData("uint(-1)")]
        [InlineData("1 + 1u")]
        public void Should_Give_An_Error_On_Overflow_Or_Mixed_Arithmetic(string source) =>
            Assert.True(Cel.Eval(source).IsError, source);

        [Fact]
        public void Should_Read_Integral_Json_Numbers_As_Int() =>
            Assert.True(Cel.Bool("assertion.runner_id == 17 && type(assertion.runner_id) == int", Claims));
    }

    public sealed class Errors
    {
        [Theory]
        [InlineData("assertion.missing == 'x' || true", true)]
        [InlineData("true || assertion.missing == 'x'", true)]
        [InlineData("assertion.missing == 'x' && false", false)]
        [InlineData("false && assertion.missing == 'x'", false)]
        [InlineData("1/0 == 1 || assertion.ref == 'main'", true)]
        public void Should_Absorb_Errors_In_And_Or_Commutatively(string source, bool expected) =>
            Assert.Equal(expected, Cel.Bool(source, Claims));

        [Theory]
        [InlineData("assertion.missing == 'x'")]
        [InlineData("assertion.missing == 'x' || false")]
        [InlineData("assertion.ref.size")]
        [InlineData("'a' && true")]
        [InlineData("assertion.groups_direct[5]")]
        [InlineData("assertion.nope.exists(x, true)")]
        public void Should_Give_An_Error_Value_Not_An_Exception(string source)
        {
            var value = Cel.Eval(source, Claims);

            Assert.True(value.IsError);
            Assert.False(string.IsNullOrEmpty(value.ErrorMessage));
        }

        [Fact]
        public void Should_Name_The_Missing_Key() =>
            Assert.Equal("no such key: environment", Cel.Eval("assertion.environment", Claims).ErrorMessage);
    }

    public sealed class Strings
    {
        [Theory]
        [InlineData("size(assertion.name) == 5")]
        [InlineData("assertion.name.charAt(4) == '😀'")]
        [InlineData("assertion.name.substring(2, 5) == '©o😀'")]
        [InlineData("assertion.name.indexOf('o') == 3")]
        [InlineData("'AbC'.lowerAscii() == 'abc' && 'ÄbC'.upperAscii() == 'ÄBC'")]
        [InlineData("assertion.sub.split(':')[1] == 'acme/app'")]
        [InlineData("['a', 'b'].join('/') == 'a/b'")]
        [InlineData("'a-b-c'.replace('-', '/') == 'a/b/c' && 'a-b-c'.replace('-', '/', 1) == 'a/b-c'")]
        [InlineData("'  x '.trim() == 'x'")]
        [InlineData("'abcabc'.lastIndexOf('b') == 4")]
        [InlineData("assertion.project_path.startsWith('acme/') && assertion.project_path.endsWith('/app') && assertion.sub.contains(':ref:main')")]
        public void Should_Count_In_Code_Points_And_Support_The_Strings_Extension(string source) =>
            Assert.True(Cel.Bool(source, Claims), source);

        [Theory]
        [InlineData("assertion.sub.extract('project_path:{path}:ref_type')", "acme/app")]
        [InlineData("assertion.sub.extract('ref:{ref}')", "main")]
        [InlineData("assertion.sub.extract('{all}')", "project_path:acme/app:ref_type:branch:ref:main")]
        [InlineData("assertion.sub.extract('{head}:ref_type')", "project_path:acme/app")]
        [InlineData("assertion.sub.extract('missing:{x}')", "")]
        [InlineData("assertion.sub.extract('ref_type:{x}:nothere')", "")]
        public void Should_Extract_As_Gcp_Does(string source, string expected)
        {
            Assert.True(Cel.Eval(source, Claims).TryGetString(out var s));
            Assert.Equal(expected, s);
        }

        [Fact]
        public void Should_Reject_An_Extract_Template_Without_A_Name() =>
            Assert.True(Cel.Eval("'abc'.extract('a{}c')").IsError);
    }

    public sealed class Collections
    {
        [Theory]
        [InlineData("'ops' in assertion.groups_direct")]
        [InlineData("'ref' in assertion")]
        [InlineData("has(assertion.ref) && !has(assertion.environment)")]
        [InlineData("assertion.groups_direct.all(g, g.startsWith('a') || g == 'ops')")]
        [InlineData("assertion.groups_direct.exists(g, g == 'ops')")]
        [InlineData("assertion.groups_direct.exists_one(g, g.size() == 3)")]
        [InlineData("assertion.groups_direct.map(g, g + '!') == ['acme!', 'ops!']")]
        [InlineData("assertion.groups_direct.filter(g, g != 'ops') == ['acme']")]
        [InlineData("{'a': 1}.map(k, k) == ['a']")]
        [InlineData("assertion.ci_config_sha == null")]
        [InlineData("[1, 2, 3].map(x, x > 1, x * 10) == [20, 30]")]
        public void Should_Support_Membership_Has_And_Macros(string source) => Assert.True(Cel.Bool(source, Claims), source);

        [Fact]
        public void Should_Absorb_An_Error_In_Exists_When_Another_Element_Matches() =>
            Assert.True(Cel.Bool("[0, 1].exists(x, 1 / x == 1)"));

        [Fact]
        public void Should_Reject_A_Repeated_Map_Key() => Assert.True(Cel.Eval("{'a': 1, 'a': 2}").IsError);

        [Theory]
        [InlineData("[1, 0].map(x, 10 / x)")]
        [InlineData("[1, 0].filter(x, 10 / x > 1)")]
        [InlineData("[1, 2].filter(x, x)")]
        public void Should_Give_The_Error_Of_A_Map_Or_Filter_Step(string source) => Assert.True(Cel.Eval(source).IsError, source);

        // Its cost against the input size is measured in Keyless.Fuzz.Tests.ScalingTests, not with a clock here.
        [Fact]
        public void Should_Map_And_Filter_A_Large_List()
        {
            var claims = "{\"ids\":[" + string.Join(",", Enumerable.Range(0, 50_000)) + "]}";

            Assert.True(Cel.Bool("assertion.ids.map(x, x + 1).filter(x, x % 2 == 0).size() == 25000", claims));
        }
    }

    public sealed class TimeValues
    {
        [Theory]
        [InlineData("timestamp('2024-05-01T10:00:00Z') + duration('1h30m') == timestamp('2024-05-01T11:30:00Z')")]
        [InlineData("timestamp('2024-05-01T10:00:00.5Z') - timestamp('2024-05-01T10:00:00Z') == duration('500ms')")]
        [InlineData("timestamp('2024-05-01T10:00:00Z').getDayOfWeek() == 3")]
        [InlineData("timestamp('2024-05-01T01:00:00Z').getHours('America/New_York') == 21")]
        [InlineData("string(timestamp('2024-05-01T10:00:00+02:00')) == '2024-05-01T08:00:00Z'")]
        [InlineData("string(duration('90m')) == '5400s'")]
        [InlineData("int(timestamp('1970-01-01T00:01:00Z')) == 60")]
        public void Should_Compute_With_Timestamps_And_Durations(string source) => Assert.True(Cel.Bool(source), source);

        [Fact]
        public void Should_Give_An_Error_Outside_The_Timestamp_Range() =>
            Assert.True(Cel.Eval("timestamp('9999-12-31T23:59:59Z') + duration('1s')").IsError);
    }

    public sealed class Types
    {
        [Theory]
        [InlineData("type(1) == int && type(1u) == uint && type(1.0) == double")]
        [InlineData("type('a') == string && type(b'a') == bytes && type(null) == null_type")]
        [InlineData("type([]) == list && type({}) == map && type(int) == type")]
        [InlineData("int('42') == 42 && uint('42') == 42u && double('1.5') == 1.5 && string(42) == '42'")]
        [InlineData("bool('true') && !bool('false') && bytes('a') == b'a' && string(b'\\xc3\\xa9') == 'é'")]
        [InlineData("dyn(1) == 1")]
        public void Should_Support_Types_And_Conversions(string source) => Assert.True(Cel.Bool(source), source);
    }

    public sealed class Values
    {
        [Fact]
        public void Should_Round_Trip_Claims_Through_Json()
        {
            var value = CelValue.FromJson(System.Text.Json.Nodes.JsonNode.Parse(Claims));

            Assert.Equal(CelType.Map, value.Type);
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(Claims), value.ToJson()));
        }

        [Fact]
        public void Should_Read_A_JsonElement_Like_A_JsonNode()
        {
            using var document = System.Text.Json.JsonDocument.Parse("{\"a\":[1,2.5,\"x\",true,null]}");

            var value = CelValue.FromJson(document.RootElement);

            Assert.Equal("{\"a\": [1, 2.5, \"x\", true, null]}", value.ToString());
        }

        [Fact]
        public void Should_Evaluate_The_Same_Program_Many_Times_With_Different_Claims()
        {
            var program = Cel.Compile("assertion.ref == 'main'");

            foreach (var (r, expected) in new[] { ("main", true), ("dev", false), ("main", true) })
            {
                var activation = CelActivation.Empty.With("assertion", CelValue.Map([new KeyValuePair<string, CelValue>("ref", CelValue.Of(r))]));
                Assert.True(program.Evaluate(activation).TryGetBool(out var b));
                Assert.Equal(expected, b);
            }
        }
    }
}
