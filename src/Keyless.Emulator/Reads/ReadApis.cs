using System.Collections.Concurrent;
using System.Globalization;
using Keyless.Emulator.Http;

namespace Keyless.Emulator.Reads;

/// <summary>
/// The read APIs in the order they are tried, the faults played on them, and how many requests each has answered
/// (what the pull tests hold to "a small constant per identity plus pages").
/// </summary>
public sealed class ReadApis
{
    private readonly IReadOnlyList<ReadApi> _apis;
    private readonly ReadFaultPlan _faults;
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public ReadApis(IReadOnlyList<ReadApi> apis, IReadOnlyList<ReadFault> faults)
    {
        _apis = apis;
        _faults = new ReadFaultPlan(faults);
    }

    /// <summary>Requests answered per API name (<c>iam</c>, <c>cloudresourcemanager</c>, <c>graph</c>, <c>arm</c>, <c>gitlab</c>), faults included.</summary>
    public IReadOnlyDictionary<string, int> Calls => new Dictionary<string, int>(_calls, StringComparer.Ordinal);

    /// <summary>The answer of the API serving this request, or null when none does.</summary>
    public async Task<EmulatorResponse?> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        var api = _apis.FirstOrDefault(a => a.Serves(request));
        if (api is null)
        {
            return null;
        }

        _calls.AddOrUpdate(api.Name, 1, (_, n) => n + 1);
        if (_faults.Hit(api.FaultPath(request)) is { } fault)
        {
            if (fault.Drop)
            {
                return await api.HandleAsync(request, cancellationToken).ConfigureAwait(false) with { Drop = true };
            }

            var refusal = api.Refusal(fault.Status, request);
            return fault.RetryAfterSeconds is { } seconds
                ? refusal.WithHeaders([KeyValuePair.Create("Retry-After", seconds.ToString(CultureInfo.InvariantCulture))])
                : refusal;
        }

        return await api.HandleAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
