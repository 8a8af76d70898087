namespace Keyless.GitLab.Api;

/// <summary>Retry and paging bounds for <see cref="GitLabApiClient"/>.</summary>
public sealed record GitLabApiOptions
{
    /// <summary>Retries after the first attempt for 429, 408, 5xx and connection failures.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first back-off delay; it doubles with jitter on each retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No single wait is longer, whatever a <c>Retry-After</c> header asks for.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Page size asked for (GitLab caps it at 100).</summary>
    public int PerPage { get; init; } = 100;

    /// <summary>Stop after this many pages of one list, so a looping <c>Link</c> header cannot run forever.</summary>
    public int MaxPages { get; init; } = 1000;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
