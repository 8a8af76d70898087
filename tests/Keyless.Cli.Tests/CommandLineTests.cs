using Keyless.Cli.Infrastructure;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary>What a person meets first at the command line: a typo's nearest command or option, <c>--color</c>.</summary>
public sealed class CommandLineTests
{
    private static string Case(string name) => Path.Combine(RepoPaths.Root, "tests", "audit-cases", name, "trust");

    [Theory]
    [InlineData(new[] { "audi", "x" }, "unknown command 'audi'. Did you mean 'audit'?")]
    [InlineData(new[] { "explian" }, "unknown command 'explian'. Did you mean 'explain'?")]
    [InlineData(new[] { "login", "gpc" }, "unknown login command 'gpc'. Did you mean 'gcp'?")]
    [InlineData(new[] { "audit", "x", "--formt", "json" }, "Unknown option 'formt'. Did you mean '--format'?")]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'. Known: explain, audit")]
    public async Task A_typo_exits_2_naming_the_nearest_command_or_option(string[] args, string message)
    {
        var run = await KeylessProcess.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_catalogued_command_is_one_the_parser_knows()
    {
        // Program.cs registers each with its catalog description; a name missing there would fail every run.
        Assert.All(CommandCatalog.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
        Assert.Equal(CommandCatalog.All.Count, CommandCatalog.All.Select(c => c.Name).Distinct().Count());
    }

    public static TheoryData<string> CatalogCommands => [.. CommandCatalog.All.Select(c => c.Name)];

    // Every command of the catalog: a description Spectre cannot render as markup fails its --help.
    [Theory]
    [MemberData(nameof(CatalogCommands))]
    public async Task Each_command_has_help_listing_color(string command)
    {
        var run = await KeylessProcess.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--color <WHEN>", run.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--color", "always" }, true)]
    [InlineData(new[] { "--color=always" }, true)]
    [InlineData(new[] { "--color", "never" }, false)]
    [InlineData(new[] { "--color", "auto" }, false)]
    [InlineData(new string[0], false)]
    public async Task Color_follows_the_option_even_into_a_pipe(string[] color, bool escapes)
    {
        var run = await KeylessProcess.RunAsync(["audit", Case("developer-tag-named-main"), .. color]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(escapes, run.StdOut.Contains('\u001b', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Color_may_come_before_the_command()
    {
        var run = await KeylessProcess.RunAsync("--color", "always", "audit", Case("developer-tag-named-main"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\u001b[", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Color_always_colours_errors_too()
    {
        var run = await KeylessProcess.RunAsync("--color", "always", "audi");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("\u001b[", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sometimes")]
    [InlineData("1")]
    public async Task An_unknown_color_is_bad_usage(string value)
    {
        var run = await KeylessProcess.RunAsync("audit", Case("developer-tag-named-main"), "--color", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not one of auto, always, never", run.StdErr, StringComparison.Ordinal);
    }
}
