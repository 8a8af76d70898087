using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary>
/// <c>keyless audit --shard I/N</c> and <c>keyless merge</c> on a generated estate: the shards split the identities
/// (each in exactly one shard) and merging them gives the single run's report, byte for byte.
/// </summary>
public sealed class ShardMergeTests
{
    private const int Shards = 3;

    private static async Task<GeneratedEstate> ShardedEstateAsync()
    {
        Assert.SkipUnless(GeneratedEstate.Python is not null, "python3 is not installed (it runs bench/gen-corpus/gen_corpus.py)");
        var estate = GeneratedEstate.Create(teams: 3);
        for (var i = 1; i <= Shards; i++)
        {
            var run = await KeylessProcess.RunAsync(["audit", "estate", "--shard", $"{i}/{Shards}", "--format", "json", "--output", $"shard-{i}.json"], workingDirectory: estate.Folder);
            Assert.NotEqual(2, run.ExitCode);
        }

        return estate;
    }

    private static string[] ShardFiles => Enumerable.Range(1, Shards).Select(i => $"shard-{i}.json").ToArray();

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("codequality")]
    public async Task Merging_every_shard_gives_the_single_run_s_report(string format)
    {
        using var estate = await ShardedEstateAsync();
        var single = await KeylessProcess.RunAsync(["audit", "estate", "--format", format], workingDirectory: estate.Folder);
        var merged = await KeylessProcess.RunAsync(["merge", .. ShardFiles, "--format", format], workingDirectory: estate.Folder);
        Assert.Equal(single.ExitCode, merged.ExitCode);
        Assert.Equal(single.StdOut, merged.StdOut);
        Assert.Contains($"keyless merge: {Shards} shards, ", merged.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_identity_is_in_exactly_one_shard_and_the_shards_share_the_work()
    {
        using var estate = await ShardedEstateAsync();
        var shards = ShardFiles.Select(f => JsonNode.Parse(File.ReadAllText(Path.Combine(estate.Folder, f)))!["findings"]!.AsArray()).ToArray();
        var identities = shards.Select(s => s.Select(f => f!["identity"]?.GetValue<string>()).OfType<string>().ToHashSet()).ToArray();
        Assert.All(identities, set => Assert.NotEmpty(set));
        for (var a = 0; a < Shards; a++)
        {
            for (var b = a + 1; b < Shards; b++)
            {
                Assert.Empty(identities[a].Intersect(identities[b]));
            }
        }

        var single = JsonNode.Parse((await KeylessProcess.RunAsync(["audit", "estate", "--format", "json"], workingDirectory: estate.Folder)).StdOut)!["findings"]!.AsArray();
        Assert.Equal(single.Count, shards.Sum(s => s.Count));
    }

    [Fact]
    public async Task Merge_refuses_a_missing_or_repeated_shard_and_a_report_that_is_no_shard()
    {
        using var estate = await ShardedEstateAsync();
        var missing = await KeylessProcess.RunAsync(["merge", "shard-1.json", "shard-3.json"], workingDirectory: estate.Folder);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("shard 2/3 is missing", missing.StdErr, StringComparison.Ordinal);

        var twice = await KeylessProcess.RunAsync(["merge", "shard-1.json", "shard-2.json", "shard-2.json", "shard-3.json"], workingDirectory: estate.Folder);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("shard 2/3 is also shard-2.json", twice.StdErr, StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(estate.Folder, "whole.json"), (await KeylessProcess.RunAsync(["audit", "estate", "--format", "json"], workingDirectory: estate.Folder)).StdOut, TestContext.Current.CancellationToken);
        var whole = await KeylessProcess.RunAsync(["merge", "whole.json"], workingDirectory: estate.Folder);
        Assert.Equal(2, whole.ExitCode);
        Assert.Contains("whole.json: not a shard report", whole.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("two")]
    public async Task A_bad_shard_exits_2(string shard)
    {
        var run = await KeylessProcess.RunAsync("audit", Path.Combine(RepoPaths.Examples, "gcp-vulnerable-pool-wide"), "--shard", shard);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--shard: '{shard}' is not I/N", run.StdErr, StringComparison.Ordinal);
    }
}
