using System.Text.Json.Nodes;

namespace Keyless.Pull.Http;

/// <summary>
/// One API answer after retries: the status (0 when no answer came), the body as JSON (null when it was not JSON), the
/// headers a pager reads, and, for a failure, why in words (the cloud's, then what to do).
/// </summary>
public sealed record PullResponse(int Status, JsonNode? Body, IReadOnlyDictionary<string, string> Headers, string? Failure)
{
    public bool Succeeded => Status is >= 200 and < 300 && Body is not null && Failure is null;

    /// <summary>The permission a 403 says is missing, when the API names it.</summary>
    public string? MissingPermission { get; init; }
}
