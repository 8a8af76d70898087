using System.Globalization;

namespace Keyless.Emulator.Reads;

/// <summary>
/// A failure the emulator plays on its read APIs, so a client's retries and partial results can be tested without a
/// cloud: an HTTP status in the API's own error shape (429 and 503 with <c>Retry-After</c>, 401 for an expired
/// credential, 403 for a missing permission, named as the API names it), or a connection dropped half-way through the
/// answer. It hits the first <see cref="Times"/> requests whose path contains <see cref="PathContains"/> (the path,
/// then <c>?</c> and the decoded query parameters in name order, so <c>parent=folders/300</c> names one listing).
/// </summary>
public sealed record ReadFault
{
    public required string PathContains { get; init; }

    /// <summary>The status to answer; unused when <see cref="Drop"/>.</summary>
    public int Status { get; init; } = 503;

    /// <summary>Cut the connection after half of the answer instead of answering.</summary>
    public bool Drop { get; init; }

    /// <summary>Seconds sent in <c>Retry-After</c>, if any.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>How many matching requests it hits; 0 means every one (a permission that is simply missing).</summary>
    public int Times { get; init; } = 1;

    /// <summary>
    /// Parses <c>path=TEXT,status=N[,retry-after=S][,times=N]</c> or <c>path=TEXT,drop[,times=N]</c> (the
    /// <c>--fault</c> option of <c>keyless emulate</c>); the error says what is wrong.
    /// </summary>
    public static (ReadFault? Fault, string? Error) Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string? path = null;
        int? status = null;
        int? retryAfter = null;
        var times = 1;
        var drop = false;
        foreach (var part in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            switch (name)
            {
                case "path" when value.Length > 0:
                    path = value;
                    break;
                case "status" when Number(value) is { } s && s is >= 400 and <= 599:
                    status = s;
                    break;
                case "retry-after" when Number(value) is { } r:
                    retryAfter = r;
                    break;
                case "times" when Number(value) is { } t:
                    times = t;
                    break;
                case "drop" when equals < 0:
                    drop = true;
                    break;
                default:
                    return (null, $"'{part}' is not one of path=TEXT, status=400-599, retry-after=SECONDS, times=N, drop");
            }
        }

        if (path is null)
        {
            return (null, "a fault needs path=TEXT (the part of the request path it hits)");
        }

        if (drop == status.HasValue)
        {
            return (null, "a fault is either status=N or drop");
        }

        return (new ReadFault { PathContains = path, Status = status ?? 0, Drop = drop, RetryAfterSeconds = retryAfter, Times = times }, null);
    }

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
