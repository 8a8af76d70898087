using System.Text.Json.Nodes;

namespace Keyless.Cel.Tests;

public sealed class CelActivationTests
{
    public sealed class With
    {
        [Fact]
        public void Should_Replace_A_Bound_Name_And_Leave_The_Original_Unchanged()
        {
            var first = CelActivation.Empty.With("a", CelValue.Of(1)).With("b", CelValue.Of(2));

            var second = first.With("a", CelValue.Of(3));

            Assert.True(second.TryGet("a", out var a) && a.TryGetInt(out var x) && x == 3);
            Assert.True(second.TryGet("b", out var b) && b.TryGetInt(out var y) && y == 2);
            Assert.True(first.TryGet("a", out var old) && old.TryGetInt(out var z) && z == 1);
            Assert.False(CelActivation.Empty.TryGet("a", out _));
        }

        [Fact]
        public void Should_Find_Every_Variable_Of_A_Large_Activation()
        {
            var activation = CelActivation.Empty;
            for (var i = 0; i < 20; i++)
            {
                activation = activation.With("v" + i, CelValue.Of(i));
            }

            activation = activation.With("v3", CelValue.Of(300));

            Assert.True(Cel.Compile("v0 == 0 && v12 == 12 && v19 == 19 && v3 == 300").Evaluate(activation).TryGetBool(out var all) && all);
            Assert.True(Cel.Compile("v20").Evaluate(activation).IsError);
        }

        [Fact]
        public void Should_Find_A_Name_Built_At_Run_Time()
        {
            var name = string.Concat("asser", "tion");

            var activation = CelActivation.Empty.With(name, CelValue.Map([new KeyValuePair<string, CelValue>("ref", CelValue.Of("main"))]));

            Assert.True(Cel.Compile("assertion.ref == 'main'", CelCompileOptions.GcpCondition).Evaluate(activation).TryGetBool(out var b) && b);
        }
    }

    public sealed class Evaluate
    {
        [Fact]
        public void Should_Give_Each_Concurrent_Evaluation_Its_Own_Answer()
        {
            // Programs without comprehension variables share one frame per activation; those with them do not.
            var plain = Cel.Compile("assertion.ref == 'main'", CelCompileOptions.GcpCondition);
            var looping = Cel.Compile("assertion.groups.exists(g, g == assertion.ref)", CelCompileOptions.GcpCondition);
            var activations = Enumerable.Range(0, 64)
                .Select(i => CelActivation.Empty.With("assertion", CelValue.FromJson(JsonNode.Parse(
                    i % 2 == 0 ? """{"ref":"main","groups":["x","main"]}""" : """{"ref":"dev","groups":["x","main"]}"""))))
                .ToArray();

            var failures = 0;
            Parallel.For(0, 20_000, i =>
            {
                var activation = activations[i % activations.Length];
                var expected = i % 2 == 0;
                if (!(plain.Evaluate(activation).TryGetBool(out var p) && p == expected
                      && looping.Evaluate(activation).TryGetBool(out var l) && l == expected))
                {
                    Interlocked.Increment(ref failures);
                }
            });

            Assert.Equal(0, failures);
        }
    }
}
