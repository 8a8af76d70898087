namespace Keyless.Pull.Http;

/// <summary>A retried request, for pull.json: what came back (a status, or a dropped connection) and how long the pull waited.</summary>
public sealed record RetryRecord(string Api, string Path, string Outcome, double WaitedSeconds);
