using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

public sealed class HelpTests
{
    [Fact]
    public async Task Should_List_Every_Command()
    {
        var run = await KeylessProcess.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "explain", "audit", "diff", "plan", "lint", "scan", "emulate", "mint", "eval", "decode", "login", "pull" })
        {
            Assert.Contains(command, run.StdOut, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_Print_Its_Version_With_The_Commit()
    {
        var run = await KeylessProcess.RunAsync("--version");

        // Built from a git checkout, the SDK stamps the commit; from a source tarball there is none to stamp.
        // In a git worktree .git is a file, not a folder; the SDK stamps the commit all the same.
        var commit = Path.Exists(Path.Combine(RepoPaths.Root, ".git")) ? @"\+[0-9a-f]{7,40}" : string.Empty;
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+" + commit + @"\s*$", run.StdOut);
    }

    [Fact]
    public async Task Should_Exit_2_On_An_Unknown_Command_Without_A_Stack_Trace()
    {
        var run = await KeylessProcess.RunAsync("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.StdErr + run.StdOut, StringComparison.Ordinal);
    }
}
