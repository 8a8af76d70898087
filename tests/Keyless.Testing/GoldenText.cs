namespace Keyless.Testing;

/// <summary>
/// A committed golden text file compared byte for byte with rendered output. <c>UPDATE_GOLDEN=1</c> writes the current
/// output instead (then review the diff); see docs/testing.md.
/// </summary>
public static class GoldenText
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static void AssertMatches(string path, string actual)
    {
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing: run the tests once with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
