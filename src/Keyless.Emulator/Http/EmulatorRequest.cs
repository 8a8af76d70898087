namespace Keyless.Emulator.Http;

/// <summary>
/// One HTTP request as the core sees it, whatever hosts it. The host has already capped the body at
/// <see cref="MaxBodyBytes"/> and says whether the caller is on this machine.
/// </summary>
public sealed record EmulatorRequest
{
    /// <summary>Token requests are a few kilobytes; nothing a real client sends comes near this.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public required string Method { get; init; }

    /// <summary>The URL-decoded path, e.g. <c>/v1/projects/-/serviceAccounts/sa@p.iam.gserviceaccount.com:generateAccessToken</c>.</summary>
    public required string Path { get; init; }

    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    public string? ContentType { get; init; }

    public string Body { get; init; } = string.Empty;

    public string? Authorization { get; init; }

    /// <summary>The other request headers a read API looks at (GitLab's <c>PRIVATE-TOKEN</c>), by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>scheme://host:port</c> the client used, for the URLs the documents hand out.</summary>
    public required string BaseUrl { get; init; }

    public bool FromLoopback { get; init; }
}
