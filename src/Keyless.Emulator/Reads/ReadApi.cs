using Keyless.Emulator.Http;

namespace Keyless.Emulator.Reads;

/// <summary>
/// One read API the emulator serves from the loaded trust (IAM, Cloud Resource Manager, Graph, ARM, GitLab), with the
/// producer's paths, shapes, paging and errors. <see cref="Refusal"/> answers a played fault in the API's own error
/// shape, naming the permission the request needs as the API would.
/// </summary>
public abstract class ReadApi
{
    /// <summary>The endpoint name <c>keyless pull --endpoint</c> uses for it.</summary>
    public abstract string Name { get; }

    public abstract bool Serves(EmulatorRequest request);

    public abstract Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken);

    public abstract EmulatorResponse Refusal(int status, EmulatorRequest request);

    /// <summary>
    /// What a played fault's <c>path=</c> is matched against: the path, then <c>?</c> and the decoded query parameters
    /// in name order (so one parent of a listing, <c>folders.list?parent=folders/300</c>, can be refused alone), or for a
    /// Query API served at one path, the action.
    /// </summary>
    public virtual string FaultPath(EmulatorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.Count == 0 ? request.Path
            : request.Path + "?" + string.Join('&', request.Query.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => q.Key + "=" + q.Value));
    }

    /// <summary>The bearer token of a request, or null.</summary>
    protected static string? Bearer(EmulatorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Authorization is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? auth["Bearer ".Length..].Trim()
            : null;
    }

    /// <summary>A query parameter, or null.</summary>
    protected static string? Query(EmulatorRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.TryGetValue(name, out var value) ? value : null;
    }
}
