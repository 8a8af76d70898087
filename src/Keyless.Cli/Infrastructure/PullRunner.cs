using Keyless.Pull;
using Keyless.Pull.Auth;
using Keyless.Pull.Http;
using Keyless.Trust.Diagnostics;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// Runs one pull with the user's credentials (Application Default Credentials, Azure.Identity, a GitLab token, the AWS
/// SDK's chain) or, with
/// <c>--emulator</c>, the emulator's reader tokens, and reports it on standard error: progress per scope, what was written,
/// what could not be read and the permission it needed. Tokens are never printed.
/// </summary>
internal static class PullRunner
{
    public static async Task<PullOutcome> GcpAsync(ILiveOptions options, string folder, IReadOnlyList<string> projects, CancellationToken cancellationToken,
                                                   IReadOnlyList<(string Type, string Id)>? parents = null)
    {
        using var puller = Start(options, folder);
        var auth = (ITokenSource?)puller.EmulatorCredentials("gcp") ?? new GoogleAdcTokenSource();
        return Report(await puller.PullGcpAsync(projects, auth, cancellationToken, parents).ConfigureAwait(false));
    }

    public static async Task<PullOutcome> AzureAsync(ILiveOptions options, string folder, string tenant, IReadOnlyList<string> subscriptions, CancellationToken cancellationToken)
    {
        using var puller = Start(options, folder);
        var endpoints = puller.Session.Endpoints;
        var graph = (ITokenSource?)puller.EmulatorCredentials("graph", tenant) ?? new AzureTokenSource(tenant, endpoints.Graph, endpoints.Authority);
        var arm = (ITokenSource?)puller.EmulatorCredentials("arm", tenant) ?? new AzureTokenSource(tenant, endpoints.Arm, endpoints.Authority);
        return Report(await puller.PullAzureAsync(tenant, subscriptions, graph, arm, cancellationToken).ConfigureAwait(false));
    }

    public static async Task<PullOutcome> GitLabAsync(ILiveOptions options, string folder, IReadOnlyList<string> projects, IReadOnlyList<string> groups, bool instance,
                                                      CancellationToken cancellationToken)
    {
        using var puller = Start(options, folder);
        var auth = (ITokenSource?)puller.EmulatorCredentials("gitlab") ?? GitLabToken(options.TokenEnv);
        return Report(await puller.PullGitLabAsync(projects, groups, instance, auth, cancellationToken).ConfigureAwait(false));
    }

    public static async Task<PullOutcome> AwsAsync(ILiveOptions options, string folder, string account, CancellationToken cancellationToken)
    {
        using var puller = Start(options, folder);
        var credentials = (IAwsCredentialSource?)puller.EmulatorAwsCredentials() ?? new AwsSdkCredentials();
        return Report(await puller.PullAwsAsync(account, credentials, cancellationToken).ConfigureAwait(false));
    }

    private static Puller Start(ILiveOptions options, string folder)
    {
        var endpoints = LiveOptionChecks.Endpoints(options);
        var pullOptions = new PullOptions { MaxConcurrency = options.Concurrency };
        return new Puller(folder, endpoints, pullOptions, TrustedHandler.Create(options.CaFile), new StderrProgress());
    }

    private static StaticTokenSource GitLabToken(string variable)
    {
        var token = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrEmpty(token)
            ? throw new InputException("--token-env", $"the environment variable {variable} is not set; it must hold a GitLab token with read_api")
            : new StaticTokenSource(token, $"GitLab token from ${variable}");
    }

    private static PullOutcome Report(PullOutcome outcome)
    {
        var error = Console.Error;
        var calls = outcome.Calls.Values.Sum();
        error.WriteLine($"keyless pull: wrote {outcome.FilesWritten} files to {outcome.Folder} ({calls} API calls: {string.Join(", ", outcome.Calls.Select(c => $"{c.Key} {c.Value}"))})");
        foreach (var failure in outcome.Failures)
        {
            error.WriteLine($"keyless pull: not verified: {failure.Scope}: {failure.Call}: {failure.Reason}");
        }

        foreach (var secret in outcome.Secrets)
        {
            error.WriteLine($"keyless pull: static key in CI/CD variable {secret.Variable} ({secret.Owner}): {secret.Message}");
        }

        error.WriteLine(outcome.ExitCode switch
        {
            PullOutcome.Complete => "keyless pull: complete",
            PullOutcome.Partial => "keyless pull: partial: the scopes above could not be read in full (pull.json says why); the rest is written",
            _ => "keyless pull: nothing could be read",
        });
        return outcome;
    }

    // Synchronous, so lines come out in the order scopes finish and never interleave. Each line says how many scopes are
    // done and how long the pull has run, so a long pull over hundreds of projects shows it is moving (CI logs included).
    private sealed class StderrProgress : IProgress<string>
    {
        private readonly Lock _gate = new();
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private int _done;

        public void Report(string value)
        {
            lock (_gate)
            {
                _done++;
                Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"keyless pull: {value} ({_done} done, {_clock.Elapsed.TotalSeconds:0.0} s)"));
            }
        }
    }
}
