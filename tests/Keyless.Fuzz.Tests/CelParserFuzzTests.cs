using System.Text.Json.Nodes;
using CsCheck;
using Keyless.Cel;

namespace Keyless.Fuzz.Tests;

/// <summary>
/// <see cref="CelCompiler.Compile"/> never throws: bad input is a diagnostic. A program that compiles evaluates
/// without throwing against real claims: a CEL error is a <c>CelValue</c> error, not an exception.
/// </summary>
public sealed class CelParserFuzzTests
{
    private const string Target = "cel";

    private static readonly CelActivation Activation = CelActivation.Empty
        .With("assertion", CelValue.FromJson(JsonNode.Parse(Seeds.Claims[0])))
        .With("google", CelValue.Map([new KeyValuePair<string, CelValue>("subject", CelValue.Of("project_path:acme/payments"))]))
        .With("attribute", CelValue.Map([new KeyValuePair<string, CelValue>("project", CelValue.Of("4242"))]));

    private static readonly CelCompileOptions[] Options = [new CelCompileOptions(), CelCompileOptions.GcpCondition, CelCompileOptions.GcpMapping];

    [Fact]
    public void Grammar_generated_expressions_compile_or_diagnose_and_evaluate_without_throwing() =>
        CelGrammar.Expression.Sample(Check, iter: FuzzBudget.Iterations * 4, seed: FuzzBudget.Seed, threads: 1);

    [Fact]
    public void Mutated_real_conditions_compile_or_diagnose_and_evaluate_without_throwing() =>
        Mutations.Of(Seeds.CelExpressions, Mutations.ForText).Sample(
            (seed, mutations) => Check(Mutations.Apply(Seeds.CelExpressions[seed], mutations)),
            iter: FuzzBudget.Iterations * 2, seed: FuzzBudget.Seed, threads: 1);

    [Fact]
    public void The_saved_corpus_compiles_or_diagnoses()
    {
        var corpus = Corpus.Texts(Target);
        Assert.NotEmpty(corpus);
        foreach (var text in corpus)
        {
            Check(text);
        }
    }

    internal static void Check(string source) => FuzzCase.Run(Target, source, Compile, inputExceptionAllowed: false);

    private static void Compile(string source)
    {
        foreach (var options in Options)
        {
            var result = CelCompiler.Compile(source, options);
            if (result.Program is { } program)
            {
                Assert.DoesNotContain(result.Diagnostics, d => d.Message.Length == 0);
                _ = program.Evaluate(Activation).ToJson();
                _ = program.EvaluateTraced(Activation);
            }
            else
            {
                // Every refusal says why, and where within the source.
                Assert.NotEmpty(result.Diagnostics);
                Assert.All(result.Diagnostics, d => Assert.InRange(d.Offset, 0, source.Length));
            }
        }
    }
}
