namespace Keyless.Pull;

/// <summary>How hard a pull works: concurrency, retries and their waits, and the clock those waits run on.</summary>
public sealed record PullOptions
{
    /// <summary>Requests in flight at once, across every API.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Retries after the first attempt for 429, 408, 5xx and dropped connections.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first back-off wait; it doubles on each retry (with jitter) unless <c>Retry-After</c> says otherwise.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No single wait is longer, whatever a <c>Retry-After</c> asks for.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Stop a list after this many pages, so a link that loops cannot run forever.</summary>
    public int MaxPages { get; init; } = 1000;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
