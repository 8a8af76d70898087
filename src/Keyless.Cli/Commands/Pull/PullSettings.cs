using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands.Pull;

/// <summary>The options every <c>keyless pull</c> shares: the output folder and how to connect.</summary>
internal abstract class PullSettings : CommandSettings, ILiveOptions
{
    [CommandOption("--out <DIR>")]
    [Description("Where to write the responses, keyless-manifest.json and pull.json (created if missing; a scope pulled again replaces its files).")]
    public string? Out { get; init; }

    [CommandOption("--endpoint <NAME=URL>")]
    [Description("Read one API somewhere else (NAME: iam, cloudresourcemanager, graph, arm, authority, gitlab). Repeatable.")]
    public string[] Endpoints { get; init; } = [];

    [CommandOption("--emulator <URL>")]
    [Description("Point every endpoint at a running keyless emulate and take its reader credentials (no account needed).")]
    public string? Emulator { get; init; }

    [CommandOption("--ca-file <PEM>")]
    [Description("Trust servers whose certificates chain to this PEM (a private CA, or the emulator's certificate).")]
    public string? CaFile { get; init; }

    [CommandOption("--token-env <NAME>")]
    [Description("Environment variable holding a GitLab token with read_api (sent as a bearer token, never printed).")]
    [DefaultValue("GITLAB_TOKEN")]
    public string TokenEnv { get; init; } = "GITLAB_TOKEN";

    [CommandOption("--concurrency <N>")]
    [Description("Requests in flight at once (1-64).")]
    [DefaultValue(8)]
    public int Concurrency { get; init; } = 8;

    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(Out) ? ValidationResult.Error("--out DIR is required: the folder the pull writes") : LiveOptionChecks.Validate(this);
}
