using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.Testing;

namespace Keyless.Cli.Tests;

/// <summary>
/// docs/adopt.md, run: every shell block not marked "your cloud" is run line by line, in order, in one shell in a
/// scratch project (the example intent, an export of CI/CD variables holding a generated service account key and one
/// without it), with <c>keyless</c> on the PATH being the keyless under test. Its <c>keyless emulate</c> line is
/// started by the test (on free ports; the line's trust and options as written) and gives <c>$KEYLESS_EMULATOR</c> and
/// <c>$KEYLESS_CA</c>. Each line must exit 0, or what its "# exits N" says; the file the page shows is written where it
/// says.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class AdoptDocTests : IDisposable
{
    private const string NotRun = "<!-- your cloud -->";
    private const string FileMarker = "<!-- file: ";

    private static readonly string Page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "adopt.md"));

    private readonly string _dir = Directory.CreateTempSubdirectory("keyless-adopt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed record Block(string Language, string Marker, IReadOnlyList<string> Lines);

    private static List<Block> Blocks()
    {
        var blocks = new List<Block>();
        var lines = Page.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal) || lines[i].Length == 3)
            {
                continue;
            }

            var marker = i > 0 ? lines[i - 1].Trim() : string.Empty;
            var language = lines[i][3..].Trim();
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i] != "```"; i++)
            {
                body.Add(lines[i]);
            }

            blocks.Add(new Block(language, marker, body));
        }

        return blocks;
    }

    [Fact]
    public void Blocks_not_run_hold_no_keyless_command_and_every_other_block_is_shell()
    {
        var blocks = Blocks();

        Assert.All(blocks.Where(b => b.Marker == NotRun), b => Assert.DoesNotContain(b.Lines, l => l.TrimStart().StartsWith("keyless", StringComparison.Ordinal)));
        Assert.All(blocks.Where(b => b.Marker != NotRun && !b.Marker.StartsWith(FileMarker, StringComparison.Ordinal)), b => Assert.Equal("sh", b.Language));
        Assert.True(blocks.Count(b => b.Marker != NotRun && b.Language == "sh") >= 6);
    }

    [Fact]
    public async Task Every_keyless_command_on_the_page_runs_against_the_emulator()
    {
        File.Copy(Path.Combine(RepoPaths.Examples, "plan", "keyless.yml"), Path.Combine(_dir, "keyless.yml"));
        WriteVariableExports();
        var blocks = Blocks();
        foreach (var file in blocks.Where(b => b.Marker.StartsWith(FileMarker, StringComparison.Ordinal)))
        {
            File.WriteAllText(Path.Combine(_dir, file.Marker[FileMarker.Length..^" -->".Length]), string.Join('\n', file.Lines) + "\n");
        }

        var script = new StringBuilder("cd '" + _dir + "'\n");
        EmulateProcess? emulator = null;
        var ran = 0;
        try
        {
            foreach (var line in blocks.Where(b => b.Marker != NotRun && b.Language == "sh").SelectMany(b => b.Lines))
            {
                var command = Comment().Replace(line, string.Empty).Trim();
                if (command.Length == 0)
                {
                    continue;
                }

                if (command.StartsWith("keyless emulate ", StringComparison.Ordinal))
                {
                    // What comes before runs first; then the emulator beside the rest: the page's trust and options,
                    // on free ports here.
                    await RunSegmentAsync(script.ToString(), null);
                    script.Clear().Append("cd '" + _dir + "'\n");
                    var args = command["keyless emulate ".Length..].TrimEnd('&').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    emulator = await EmulateProcess.StartAsync([.. args, "--http-port", "0", "--https-port", "0"], _dir, Path.Combine(_dir, ".keyless"));
                    ran++;
                    continue;
                }

                var expected = ExitCode().Match(line) is { Success: true } m ? int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                var shown = command.Replace("'", "'\\''", StringComparison.Ordinal);
                script.Append(command).Append('\n')
                    .Append($"rc=$?; if [ $rc -ne {expected} ]; then echo 'adopt.md: exited '$rc', not {expected}: {shown}' >&2; exit 1; fi\n");
                ran += command.StartsWith("keyless ", StringComparison.Ordinal) ? 1 : 0;
            }

            Assert.NotNull(emulator);
            await RunSegmentAsync(script.ToString(), emulator);

            Assert.True(ran >= 12, $"only {ran} keyless commands ran");
            Assert.True(File.Exists(Path.Combine(_dir, "gcp.json")), "the rehearsed login wrote no credential file");
            await JsonSchemaCheck.AssertValidFilesAsync(JsonSchemaCheck.GitLabSast, [Path.Combine(_dir, "gl-sast-keyless-audit.json")]);
            await JsonSchemaCheck.AssertValidFilesAsync(JsonSchemaCheck.GitLabCi, [Path.Combine(_dir, ".gitlab-ci.yml"), Path.Combine(_dir, "plan", "gitlab-ci", "acme-payments.gitlab-ci.yml")]);
        }
        finally
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }
        }
    }

    private async Task RunSegmentAsync(string script, EmulateProcess? emulator)
    {
        var run = await RunAsync(script, emulator);
        Assert.True(run.ExitCode == 0, run + (emulator is null ? string.Empty : "\nemulator:\n" + emulator.StdErr));
    }

    private async Task<ToolRun> RunAsync(string script, EmulateProcess? emulator)
    {
        var bin = KeylessShim.Create(_dir);

        return await ExternalTool.RunAsync("bash", ["-c", script], new Dictionary<string, string>
        {
            ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["NO_COLOR"] = "1",
            ["KEYLESS_EMULATOR"] = emulator?.Https ?? string.Empty,
            ["KEYLESS_CA"] = emulator?.CertificatePath ?? string.Empty,
        }, timeout: TimeSpan.FromMinutes(4));
    }

    /// <summary>The API's answer before (with a generated service account key in GCP_SA_KEY) and after the deletion.</summary>
    private void WriteVariableExports()
    {
        using var rsa = RSA.Create(2048);
        var key = new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = "acme-prod",
            ["private_key_id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
            ["private_key"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = "deploy@acme-prod.iam.gserviceaccount.com",
        }.ToJsonString();
        static JsonObject Variable(string name, string value) => new()
        {
            ["variable_type"] = "env_var", ["key"] = name, ["value"] = value, ["protected"] = true, ["masked"] = false,
            ["raw"] = true, ["environment_scope"] = "*", ["description"] = null,
        };

        File.WriteAllText(Path.Combine(_dir, "ci-variables.json"), new JsonArray(Variable("GCP_SA_KEY", key), Variable("DEPLOY_REGION", "europe-west1")).ToJsonString());
        File.WriteAllText(Path.Combine(_dir, "ci-variables-after.json"), new JsonArray(Variable("DEPLOY_REGION", "europe-west1")).ToJsonString());
    }

    [GeneratedRegex(@"\s+#.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"#\s*exits (?<code>\d+)")]
    private static partial Regex ExitCode();
}
