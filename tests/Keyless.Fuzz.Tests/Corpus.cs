namespace Keyless.Fuzz.Tests;

/// <summary>The saved corpus of one target: interesting and previously failing inputs, replayed on every run.</summary>
internal static class Corpus
{
    public static IReadOnlyList<string> Files(string target)
    {
        var dir = FuzzBudget.CorpusDirectory(target);
        return Directory.Exists(dir)
            ? Directory.GetFiles(dir).Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray()
            : [];
    }

    public static IReadOnlyList<string> Texts(string target) => Files(target).Select(File.ReadAllText).ToArray();
}
