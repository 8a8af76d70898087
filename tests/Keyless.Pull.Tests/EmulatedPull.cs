using System.Text.Json.Nodes;
using Keyless.Emulator;
using Keyless.Formats.Inputs;
using Keyless.Pull.Auth;
using Keyless.Trust.Model;

namespace Keyless.Pull.Tests;

/// <summary>
/// An emulator serving a trust in this process (<see cref="EmulatorHandler"/>, no sockets) and a scratch folder pulls
/// write into, each pull as <c>keyless pull --emulator</c> runs it: its own <see cref="Puller"/> and the emulator's reader
/// credentials.
/// </summary>
internal sealed class EmulatedPull : IDisposable
{
    public static readonly Uri Emulator = new("https://127.0.0.1:8443/");

    private readonly PullOptions _options;

    public EmulatedPull(TrustSet trust, Func<EmulatorOptions, EmulatorOptions>? configure = null, PullOptions? options = null)
    {
        Core = new EmulatorCore(trust, configure?.Invoke(new EmulatorOptions()) ?? new EmulatorOptions(), TimeProvider.System);
        Folder = Path.Combine(Path.GetTempPath(), "keyless-pull-test-" + Guid.NewGuid().ToString("N"));
        _options = options ?? new PullOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(5) };
    }

    public EmulatorCore Core { get; }

    public string Folder { get; }

    public Task<PullOutcome> GcpAsync(params string[] projects) =>
        RunAsync(p => p.PullGcpAsync(projects, p.EmulatorCredentials("gcp")!, CancellationToken.None));

    public Task<PullOutcome> GcpUnderAsync(params (string Type, string Id)[] parents) =>
        RunAsync(p => p.PullGcpAsync([], p.EmulatorCredentials("gcp")!, CancellationToken.None, parents));

    public Task<PullOutcome> AzureAsync(string tenant, params string[] subscriptions) =>
        RunAsync(p => p.PullAzureAsync(tenant, subscriptions, p.EmulatorCredentials("graph", tenant)!, p.EmulatorCredentials("arm", tenant)!, CancellationToken.None));

    public Task<PullOutcome> GitLabAsync(string[] projects, string[]? groups = null) =>
        RunAsync(p => p.PullGitLabAsync(projects, groups ?? [], false, p.EmulatorCredentials("gitlab")!, CancellationToken.None));

    public Task<PullOutcome> AwsAsync(string account) =>
        RunAsync(p => p.PullAwsAsync(account, p.EmulatorAwsCredentials()!, CancellationToken.None));

    /// <summary>Every scope the emulator serves, one pull per source as a user would run them; the outcomes in order.</summary>
    public async Task<IReadOnlyList<PullOutcome>> EverythingAsync()
    {
        var scopes = Core.Scopes;
        var outcomes = new List<PullOutcome>();
        if (scopes.GcpProjects.Count > 0)
        {
            outcomes.Add(await GcpAsync([.. scopes.GcpProjects.Select(p => p.Id)]));
        }

        foreach (var tenant in scopes.AzureTenants)
        {
            outcomes.Add(await AzureAsync(tenant));
        }

        if (scopes.GitLabProjects.Count > 0)
        {
            outcomes.Add(await GitLabAsync([.. scopes.GitLabProjects]));
        }

        foreach (var account in scopes.AwsAccounts)
        {
            outcomes.Add(await AwsAsync(account));
        }

        return outcomes;
    }

    public TrustSet Load() => TrustLoader.Load([Folder]);

    public JsonObject Record => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "pull.json")))!;

    /// <summary>Every file the pulls wrote, as text.</summary>
    public IEnumerable<(string File, string Text)> Files() =>
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f)));

    public void Dispose()
    {
        Core.Dispose();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private async Task<PullOutcome> RunAsync(Func<Puller, Task<PullOutcome>> pull)
    {
        using var puller = new Puller(Folder, PullEndpoints.ForEmulator(Emulator), _options, new EmulatorHandler(Core));
        return await pull(puller);
    }
}
