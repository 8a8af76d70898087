using CsCheck;
using Keyless.GitLab.Pipeline;

namespace Keyless.Fuzz.Tests;

/// <summary>
/// The <c>.gitlab-ci.yml</c> reader on mutated real pipelines: a document (with diagnostics for structure GitLab
/// would reject) or an InputException with file and place, never anything else.
/// </summary>
public sealed class PipelineReaderFuzzTests
{
    private const string Target = "pipeline";

    [Fact]
    public void The_unmutated_pipelines_read_so_the_properties_are_not_vacuous() =>
        Assert.All(Seeds.Pipelines, p => Assert.NotNull(PipelineReader.Parse(p, ".gitlab-ci.yml")));

    [Fact]
    public void Mutated_pipelines_read_or_are_refused() =>
        Mutations.Of(Seeds.Pipelines, Mutations.ForText).Sample(
            (seed, mutations) => Check(Mutations.Apply(Seeds.Pipelines[seed], mutations)),
            iter: FuzzBudget.Iterations * 2, seed: FuzzBudget.Seed, threads: 1);

    [Fact]
    public void The_saved_corpus_reads_or_is_refused()
    {
        var corpus = Corpus.Texts(Target);
        Assert.NotEmpty(corpus);
        foreach (var text in corpus)
        {
            Check(text);
        }
    }

    private static void Check(string yaml) => FuzzCase.Run(Target, yaml, text =>
    {
        var document = PipelineReader.Parse(text, ".gitlab-ci.yml");
        foreach (var job in document.Jobs)
        {
            // What lint reads from each job: tokens, script lines, variables, environment.
            _ = (job.IdTokens.Count, job.Environment?.Value, job.HoldsToken);
            _ = job.ScriptLines().Count();
            _ = job.AllVariables().Count;
        }
    }, ".yml");
}
