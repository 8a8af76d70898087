namespace Keyless.Cel.Tests;

public sealed class CelParserTests
{
    public sealed class Positions
    {
        [Fact]
        public void Should_Give_Each_Node_Its_Source_Span()
        {
            const string source = "assertion.ref == 'main' && size(assertion.sub) < 127";
            var program = Cel.Compile(source);

            var and = Assert.IsType<CelCall>(program.Ast);
            Assert.Equal(CelOperators.LogicalAnd, and.Function);
            Assert.Equal((0, source.Length), (and.Offset, and.Length));
            var eq = Assert.IsType<CelCall>(and.Args[0]);
            Assert.Equal("assertion.ref == 'main'", source.Substring(eq.Offset, eq.Length));
            var select = Assert.IsType<CelSelect>(eq.Args[0]);
            Assert.Equal(("ref", false), (select.Field, select.TestOnly));
            Assert.Equal("assertion", Assert.IsType<CelIdent>(select.Operand).Name);
            var lt = Assert.IsType<CelCall>(and.Args[1]);
            Assert.Equal("size(assertion.sub) < 127", source.Substring(lt.Offset, lt.Length));
        }

        [Fact]
        public void Should_Give_Unique_Ids()
        {
            var program = Cel.Compile("[1, 2].exists(x, x > 1) && {'a': 1}.a == 1");
            var ids = new List<long>();
            var stack = new Stack<CelExpr>([program.Ast]);
            while (stack.Count > 0)
            {
                var e = stack.Pop();
                ids.Add(e.Id);
                foreach (var child in Children(e))
                {
                    stack.Push(child);
                }
            }

            Assert.Equal(ids.Count, ids.Distinct().Count());
        }

        [Fact]
        public void Should_Expand_Has_And_Macros_Like_CelGo()
        {
            var has = Assert.IsType<CelSelect>(Cel.Compile("has(assertion.environment)").Ast);
            Assert.True(has.TestOnly);

            var exists = Assert.IsType<CelComprehension>(Cel.Compile("assertion.groups.exists(g, g == 'ops')").Ast);
            Assert.Equal(("g", "exists"), (exists.IterVar, exists.Macro));
        }

        private static IEnumerable<CelExpr> Children(CelExpr e) => e switch
        {
            CelSelect s => [s.Operand],
            CelCall c => c.Target is null ? c.Args : [c.Target, .. c.Args],
            CelList l => l.Elements,
            CelMap m => m.Entries.SelectMany(x => new[] { x.Key, x.Value }),
            CelComprehension c => [c.IterRange, c.AccuInit, c.LoopCondition, c.LoopStep, c.Result],
            _ => [],
        };
    }

    public sealed class Errors
    {
        [Theory]
        [InlineData("assertion.ref == ", 1, 18)]
        [InlineData("assertion.ref ==\n  'main' &&\n  )", 3, 3)]
        [InlineData("'unterminated", 1, 1)]
        [InlineData("a.b.if_ok && if", 1, 14)]
        [InlineData("9223372036854775808", 1, 1)]
        [InlineData("'\\q'", 1, 2)]
        public void Should_Name_Line_And_Column(string source, int line, int column)
        {
            var diagnostic = Cel.Diagnostic(source);

            Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        }

        [Fact]
        public void Should_Accept_The_Most_Negative_Int_Literal()
        {
            Assert.True(Cel.Eval("-9223372036854775808").TryGetInt(out var v));
            Assert.Equal(long.MinValue, v);
        }

        [Fact]
        public void Should_Reject_Deep_Nesting_With_A_Diagnostic_Not_A_Stack_Overflow()
        {
            var source = new string('(', 100_000) + "1" + new string(')', 100_000);

            var diagnostic = Cel.Diagnostic(source, new CelCompileOptions { MaxLength = 1_000_000 });

            Assert.Contains("nests deeper than 100", diagnostic.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Reject_A_Long_Member_Chain_Beyond_The_Depth()
        {
            var source = "a" + string.Concat(Enumerable.Repeat(".b", 150));

            Assert.Contains("nests deeper", Cel.Diagnostic(source).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Keep_Long_And_Chains_Shallow()
        {
            var source = string.Join(" && ", Enumerable.Repeat("true", 500));

            Assert.True(Cel.Bool(source));
        }
    }

    public sealed class GcpLimits
    {
        [Fact]
        public void Should_Reject_A_Mapping_Over_2048_Characters()
        {
            var source = "assertion.sub + '" + new string('x', 2040) + "'";

            var diagnostic = Cel.Diagnostic(source, CelCompileOptions.GcpMapping);

            Assert.Contains("limit is 2048", diagnostic.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Accept_A_Condition_Up_To_4096_Characters()
        {
            var source = "assertion.sub == '" + new string('x', 4096 - 20) + "'";

            Assert.True(CelCompiler.Compile(source, CelCompileOptions.GcpCondition).Success);
            Assert.False(CelCompiler.Compile(source + "  ", CelCompileOptions.GcpCondition).Success);
        }

        [Fact]
        public void Should_Let_A_Mapping_See_Only_Assertion()
        {
            var diagnostic = Cel.Diagnostic("attribute.project == 'x'", CelCompileOptions.GcpMapping);

            Assert.Equal("undeclared reference to 'attribute'", diagnostic.Message);
        }

        [Fact]
        public void Should_Let_A_Condition_See_Assertion_Google_And_Attribute()
        {
            var program = Cel.Compile("assertion.a == google.subject && attribute.x == 'y'", CelCompileOptions.GcpCondition);
            var activation = CelActivation.Empty
                .With("assertion", CelValue.Map([new KeyValuePair<string, CelValue>("a", CelValue.Of("s"))]))
                .With("google", CelValue.Map([new KeyValuePair<string, CelValue>("subject", CelValue.Of("s"))]))
                .With("attribute", CelValue.Map([new KeyValuePair<string, CelValue>("x", CelValue.Of("y"))]));

            Assert.True(program.Evaluate(activation).TryGetBool(out var allowed) && allowed);
            Assert.False(CelCompiler.Compile("request.x", CelCompileOptions.GcpCondition).Success);
        }
    }
}
