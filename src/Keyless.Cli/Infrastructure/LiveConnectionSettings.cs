using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Infrastructure;

/// <summary>How a live read connects (<c>keyless pull</c>, <c>explain --live</c>): endpoints, an emulator, a CA file, the GitLab token's variable, concurrency; and the options every command takes.</summary>
internal abstract class LiveConnectionSettings : KeylessSettings, ILiveOptions
{
    [CommandOption("--endpoint <NAME=URL>")]
    [Description("Read one API somewhere else (NAME: iam (Google's or AWS's, whichever is pulled), cloudresourcemanager, graph, arm, authority, gitlab). Repeatable.")]
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

    public override ValidationResult Validate() => LiveOptionChecks.Validate(this);
}
