namespace Keyless.Cli.Infrastructure;

/// <summary>
/// Where and how a live read connects, shared by <c>keyless pull</c> and <c>audit</c>/<c>explain --live</c>: endpoint
/// overrides, an emulator standing in for every endpoint, a CA file, the GitLab token's variable, concurrency.
/// </summary>
internal interface ILiveOptions
{
    string[] Endpoints { get; }

    string? Emulator { get; }

    string? CaFile { get; }

    string TokenEnv { get; }

    int Concurrency { get; }
}
