using Keyless.Cli.Infrastructure;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.Testing;

namespace Keyless.Cli.Tests;

/// <summary>
/// <c>keyless completion SHELL</c> run as a process; each script loaded into its real shell where that shell is
/// installed (bash always; zsh and fish when present, scripts/test installs them from Debian; PowerShell is not in
/// Debian, so its script is checked as text).
/// </summary>
public sealed class CompletionCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("keyless-completion-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> ScriptAsync(string shell)
    {
        var run = await KeylessProcess.RunAsync("completion", shell);
        Assert.True(run.ExitCode == 0, run.StdErr);
        var file = Path.Combine(_dir, "keyless." + shell);
        await File.WriteAllTextAsync(file, run.StdOut, TestContext.Current.CancellationToken);
        return file;
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    [InlineData("pwsh")]
    public async Task Every_script_names_every_command(string shell)
    {
        var script = await File.ReadAllTextAsync(await ScriptAsync(shell), TestContext.Current.CancellationToken);

        foreach (var command in CommandCatalog.All)
        {
            Assert.Contains(command.Name.Split(' ')[^1], script, StringComparison.Ordinal);
        }

        Assert.Contains("gitlab-secret-detection", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keyless au", "audit")]
    [InlineData("keyless login ''", "gcp azure aws")]
    [InlineData("keyless audit --format ''", "text json sarif codequality gitlab-sast")]
    [InlineData("keyless scan --format gitlab", "gitlab-secret-detection")]
    [InlineData("keyless audit --fail", "--fail-on")]
    [InlineData("keyless --color never au", "audit")]
    [InlineData("keyless login gcp --token-", "--token-env --token-file")]
    [InlineData("keyless pull ''", "gcp azure gitlab aws")]
    [InlineData("keyless pull gcp --pro", "--project")]
    [InlineData("keyless pull azure --sub", "--subscription")]
    [InlineData("keyless completion ''", "bash zsh fish pwsh")]
    [InlineData("keyless eval --color ''", "auto always never")]
    public async Task Bash_completes_commands_options_and_values(string line, string expected)
    {
        var script = await ScriptAsync("bash");
        var driver = "source '" + script + "'\nCOMP_WORDS=(" + line + "); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _keyless\necho \"${COMPREPLY[*]}\"";

        var run = await ExternalTool.RunAsync("bash", ["-c", driver]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(expected, run.StdOut.Trim());
    }

    [Fact]
    public async Task Bash_offers_files_for_a_commands_arguments()
    {
        File.WriteAllText(Path.Combine(_dir, "trust-input.json"), "{}");
        var script = await ScriptAsync("bash");

        var run = await ExternalTool.RunAsync("bash", ["-c", "cd '" + _dir + "'; source '" + script + "'; COMP_WORDS=(keyless audit trust-); COMP_CWORD=2; _keyless; echo \"${COMPREPLY[*]}\""]);

        Assert.Equal("trust-input.json", run.StdOut.Trim());
    }

    [Fact]
    public async Task Zsh_loads_the_script_and_registers_it()
    {
        Assert.SkipUnless(ExternalTool.Find("zsh") is not null, "zsh is not installed");
        var script = await ScriptAsync("zsh");

        var run = await ExternalTool.RunAsync("zsh", ["-c", $"autoload -U compinit; compinit -u -d '{_dir}/zcompdump'; source '{script}'; print -- ${{_comps[keyless]}}"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("_keyless", run.StdOut.Trim());
    }

    [Theory]
    [InlineData("keyless au", "audit")]
    [InlineData("keyless login ", "aws azure gcp")]
    [InlineData("keyless scan --format gitlab", "gitlab-secret-detection")]
    [InlineData("keyless completion ", "bash fish pwsh zsh")]
    public async Task Fish_completes_commands_and_values(string line, string expected)
    {
        Assert.SkipUnless(ExternalTool.Find("fish") is not null, "fish is not installed");
        var script = await ScriptAsync("fish");

        var run = await ExternalTool.RunAsync("fish", ["-c", $"source '{script}'; complete -C '{line}'"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(expected, string.Join(' ', run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Pwsh_registers_a_native_completer_with_every_commands_options()
    {
        var script = await File.ReadAllTextAsync(await ScriptAsync("pwsh"), TestContext.Current.CancellationToken);

        Assert.Contains("Register-ArgumentCompleter -Native -CommandName keyless", script, StringComparison.Ordinal);
        Assert.Contains("'login gcp' = @(", script, StringComparison.Ordinal);
        Assert.Contains("'audit --fail-on' = @('info', 'low', 'medium', 'high', 'critical')", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_shell_is_bad_usage()
    {
        var run = await KeylessProcess.RunAsync("completion", "tcsh");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bash, zsh, fish, pwsh", run.StdErr, StringComparison.Ordinal);
    }
}
