using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands.Pull;

/// <summary>The options every <c>keyless pull</c> shares: the output folder and how to connect.</summary>
internal abstract class PullSettings : LiveConnectionSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Where to write the responses, keyless-manifest.json and pull.json (created if missing; a scope pulled again replaces its files).")]
    public string? Out { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(Out) ? ValidationResult.Error("--out DIR is required: the folder the pull writes") : base.Validate();
}
