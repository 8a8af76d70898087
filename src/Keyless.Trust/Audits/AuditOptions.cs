namespace Keyless.Trust.Audits;

/// <summary>What the user told audit about their GitLab (the version decides whether reclaimed paths are blocked).</summary>
public sealed record AuditOptions
{
    public static AuditOptions Default { get; } = new();

    /// <summary>Known GitLab version, e.g. 19.1; null when unknown.</summary>
    public Version? GitLabVersion { get; init; }

    public TimeProvider? Time { get; init; }

    /// <summary>
    /// The organisation's GitLab (<c>--gitlab-url</c>): its <c>iss</c> is what the project's own jobs carry. Null: the
    /// instance of each trusted issuer (GitLab.com for any gitlab.com URL).
    /// </summary>
    public Uri? GitLabUrl { get; init; }

    /// <summary>
    /// The identities to attack (<c>--shard I/N</c>: those of the shard); null: all. The others are not searched, and
    /// their searches read as <see cref="AuditContext.NotSearched"/>, so no audit reports them from a search.
    /// </summary>
    public Func<Identities.Identity, bool>? Searches { get; init; }

    /// <summary>GitLab 19.1 refuses ID tokens for reclaimed project paths (MRs !248942, !250233).</summary>
    public bool BlocksReclaimedPaths => GitLabVersion is { } v && v >= new Version(19, 1);
}
