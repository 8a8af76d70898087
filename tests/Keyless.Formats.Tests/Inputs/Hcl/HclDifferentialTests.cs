using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs.Hcl;
using Keyless.Trust.Diagnostics;

namespace Keyless.Formats.Tests.Inputs.Hcl;

/// <summary>
/// Differential test of the HCL reader: every <c>.tf</c> file of <c>tests/hcl-corpus/</c> (the providers' own
/// examples and documentation blocks, see each <c>SOURCE.md</c>) and of the repository's own examples and test data
/// is converted by <see cref="HclToJson"/> and by @cdktf/hcl2json; both must give the same blocks, attributes and
/// literal values (expression text compared without whitespace), or both refuse the file.
/// </summary>
public sealed class HclDifferentialTests
{
    private static readonly string Root = typeof(HclDifferentialTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "KeylessRepoRoot").Value!;

    [Fact]
    public async Task Agrees_with_hcl2json_on_every_corpus_file()
    {
        var npm = Path.Combine(Root, "tools", "npm");
        Assert.SkipUnless(Directory.Exists(Path.Combine(npm, "node_modules", "@cdktf", "hcl2json")), "@cdktf/hcl2json is not installed: run npm ci in tools/npm");
        Assert.SkipUnless(OnPath("node"), "node is not installed");

        var files = CorpusFiles();
        var oracle = await RunOracleAsync(npm, files);
        var mismatches = new List<string>();
        var bothRefused = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var theirs = oracle[i]!.AsObject();
            JsonObject? ours;
            string? ourError = null;
            try
            {
                ours = HclToJson.Convert(files[i], File.ReadAllText(files[i]));
            }
            catch (InputException e)
            {
                ours = null;
                ourError = $"{e.Location}: {e.Message}";
            }

            var name = Path.GetRelativePath(Root, files[i]);
            if (theirs["error"] is { } error)
            {
                if (ours is null)
                {
                    bothRefused++;
                }
                else
                {
                    mismatches.Add($"{name}: hcl2json refuses it ({error}), Keyless reads it");
                }
            }
            else if (ours is null)
            {
                mismatches.Add($"{name}: Keyless refuses it ({ourError}), hcl2json reads it");
            }
            else if (Difference(ours, theirs["json"], "$") is { } difference)
            {
                mismatches.Add($"{name}: {difference}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"hcl2json differential: {files.Count} .tf files compared, {files.Count - mismatches.Count} agree ({bothRefused} refused by both), {mismatches.Count} differ");
        Assert.True(files.Count >= 700, $"the corpus shrank to {files.Count} files");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {files.Count} files differ:\n" + string.Join("\n", mismatches.Take(20)));
    }

    /// <summary>
    /// The corpus, the examples and the test data's own <c>.tf</c> files, in a stable order; not the fuzz corpus, whose
    /// mutated files are there to be refused, not to be compared.
    /// </summary>
    internal static List<string> CorpusFiles() =>
        new[] { Path.Combine(Root, "tests"), Path.Combine(Root, "examples") }
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.tf", SearchOption.AllDirectories))
            .Where(f => !Path.GetRelativePath(Root, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "fuzz-corpus"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Where two HCL JSON documents differ, or null. Numbers compare by value, expression text without whitespace.</summary>
    internal static string? Difference(JsonNode? ours, JsonNode? theirs, string path)
    {
        switch (ours, theirs)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    if (!a.ContainsKey(key) || !b.ContainsKey(key))
                    {
                        return $"{path}.{key}: only {(a.ContainsKey(key) ? "Keyless" : "hcl2json")} has it";
                    }

                    if (Difference(a[key], b[key], $"{path}.{key}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonArray a, JsonArray b):
                if (a.Count != b.Count)
                {
                    return $"{path}: {a.Count} items in Keyless, {b.Count} in hcl2json";
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (Difference(a[i], b[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (null, null):
                return null;
            case (JsonValue a, JsonValue b) when Scalar(a) == Scalar(b):
                return null;
            default:
                return $"{path}: Keyless {ours?.ToJsonString() ?? "null"}, hcl2json {theirs?.ToJsonString() ?? "null"}";
        }
    }

    private static string Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.Number => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.String when value.GetValue<string>() is var s && (s.Contains("${", StringComparison.Ordinal) || s.Contains("%{", StringComparison.Ordinal)) =>
            "expr:" + string.Concat(s.Where(c => !char.IsWhiteSpace(c))),
        _ => value.ToJsonString(),
    };

    private static async Task<JsonArray> RunOracleAsync(string npm, List<string> files)
    {
        var start = new ProcessStartInfo("node", "hcl2json-oracle.mjs")
        {
            WorkingDirectory = npm,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(new JsonArray([.. files.Select(f => JsonValue.Create(f))]).ToJsonString());
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, "the hcl2json oracle failed: " + await stderr);
        return JsonNode.Parse(await stdout)!.AsArray();
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
