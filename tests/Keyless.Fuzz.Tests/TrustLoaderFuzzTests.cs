using CsCheck;
using Keyless.Formats.Inputs;

namespace Keyless.Fuzz.Tests;

/// <summary>
/// Every importer behind <see cref="TrustLoader.Load"/> (gcloud, az, Graph, ARM, Terraform state/plan/JSON, manifests)
/// on mutated copies of the real fixtures: a trust set or an InputException naming the file, nothing else.
/// </summary>
public sealed class TrustLoaderFuzzTests : IDisposable
{
    private const string Target = "trust";

    private static readonly string[] Texts = Seeds.TrustFiles.Select(File.ReadAllText).ToArray();

    private readonly string _scratch = Directory.CreateTempSubdirectory("keyless-fuzz-trust-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void The_unmutated_fixtures_load_so_the_properties_are_not_vacuous()
    {
        Assert.NotEmpty(Seeds.TrustFiles);
        foreach (var folder in Seeds.TrustFiles.Select(Path.GetDirectoryName).Distinct())
        {
            _ = TrustLoader.Load([folder!]);
        }
    }

    [Fact]
    public void Mutated_fixtures_load_or_are_refused_with_the_file() =>
        Mutations.Of(Texts, Mutations.ForJson).Sample(
            (seed, mutations) => Check(Path.GetFileName(Seeds.TrustFiles[seed]), Mutations.Apply(Texts[seed], mutations)),
            iter: FuzzBudget.Iterations, seed: FuzzBudget.Seed, threads: 1);

    [Fact]
    public void The_saved_corpus_loads_or_is_refused()
    {
        var files = Corpus.Files(Target);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            // Corpus names are "<label>-<hash>.<the importer's file name>", so detection by name still applies.
            var name = Path.GetFileName(file);
            Check(name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..], File.ReadAllText(file));
        }
    }

    private void Check(string fileName, string text) => FuzzCase.Run(Target, text, content =>
    {
        var dir = Directory.CreateDirectory(Path.Combine(_scratch, Guid.NewGuid().ToString("N"))).FullName;
        var path = Path.Combine(dir, fileName);
        File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(content));
        try
        {
            _ = TrustLoader.Load([dir]);
        }
        catch (Keyless.Trust.Diagnostics.InputException e)
        {
            // Refusals name the file they refuse.
            Assert.Contains(fileName, e.Message + e.File, StringComparison.Ordinal);
            throw;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }, "." + fileName);
}
