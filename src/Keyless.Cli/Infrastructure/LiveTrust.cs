using Keyless.Pull;
using Keyless.Pull.Sources;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// <c>--live</c> on audit and explain: pulls each named scope (gcp:P, gcp-folder:ID, gcp-organization:ID, azure:T[/S],
/// gitlab:PATH, gitlab-group:PATH, aws:ACCOUNT) into a
/// folder, <c>--save DIR</c> or a temporary one removed afterwards, which is then read like any other input. A scope that
/// could not be read is in that folder's pull.json, so the audit reports it (not-verified) instead of passing it by.
/// </summary>
internal sealed class LiveTrust : IDisposable
{
    private readonly bool _temporary;

    private LiveTrust(string folder, bool temporary)
    {
        Folder = folder;
        _temporary = temporary;
    }

    public string Folder { get; }

    public static async Task<LiveTrust> PullAsync(ILiveOptions options, IReadOnlyList<string> specs, string? save, CancellationToken cancellationToken)
    {
        var parsed = specs.Select(LiveSpec.Parse).ToList();
        var live = new LiveTrust(save ?? Path.Combine(Path.GetTempPath(), "keyless-live-" + Guid.NewGuid().ToString("N")), save is null);
        var gcp = parsed.Where(s => s.Source == "gcp").Select(s => s.Name).ToList();
        IReadOnlyList<(string Type, string Id)> parents =
        [
            .. parsed.Where(s => s.Source == "gcp-folder").Select(s => (GcpProjectList.Folder, s.Name)),
            .. parsed.Where(s => s.Source == "gcp-organization").Select(s => (GcpProjectList.Organization, s.Name)),
        ];
        if (gcp.Count + parents.Count > 0)
        {
            await PullRunner.GcpAsync(options, live.Folder, gcp, cancellationToken, parents).ConfigureAwait(false);
        }

        foreach (var tenant in parsed.Where(s => s.Source == "azure").GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase))
        {
            await PullRunner.AzureAsync(options, live.Folder, tenant.Key, [.. tenant.Select(s => s.Subscription).OfType<string>()], cancellationToken).ConfigureAwait(false);
        }

        var projects = parsed.Where(s => s.Source == "gitlab").Select(s => s.Name).ToList();
        var groups = parsed.Where(s => s.Source == "gitlab-group").Select(s => s.Name).ToList();
        if (projects.Count + groups.Count > 0)
        {
            await PullRunner.GitLabAsync(options, live.Folder, projects, groups, instance: false, cancellationToken).ConfigureAwait(false);
        }

        foreach (var account in parsed.Where(s => s.Source == "aws").Select(s => s.Name).Distinct(StringComparer.Ordinal))
        {
            await PullRunner.AwsAsync(options, live.Folder, account, cancellationToken).ConfigureAwait(false);
        }

        if (save is not null)
        {
            Console.Error.WriteLine($"keyless: the live pull is kept in {save}");
        }

        return live;
    }

    public void Dispose()
    {
        if (_temporary && Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
