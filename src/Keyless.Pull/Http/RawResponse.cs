namespace Keyless.Pull.Http;

/// <summary>
/// One answer after retries, its body still text: the status (0 when no answer came), the headers, why no answer came
/// (a dropped connection, a timeout) and how many retries it took.
/// </summary>
public sealed record RawResponse(int Status, string Text, IReadOnlyDictionary<string, string> Headers, string? Transport, int Attempts);
