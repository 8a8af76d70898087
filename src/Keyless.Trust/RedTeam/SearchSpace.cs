namespace Keyless.Trust.RedTeam;

/// <summary>
/// The tokens one scenario can make GitLab mint for one path, dimension by dimension. The first value of each
/// dimension is the scenario's most natural token; the search varies only the dimensions the trust reads.
/// </summary>
public sealed record SearchSpace
{
    /// <summary>The <c>iss</c> of every token in the space: the instance's, never the trust's spelling.</summary>
    public required string Issuer { get; init; }

    public required IReadOnlyList<ProjectShape> Projects { get; init; }

    public required IReadOnlyList<RefEvent> RefEvents { get; init; }

    public required IReadOnlyList<EnvShape> Environments { get; init; }

    public required IReadOnlyList<UserShape> Users { get; init; }

    public required IReadOnlyList<string> Runners { get; init; }

    public required IReadOnlyList<IReadOnlyList<string>> ComponentSets { get; init; }

    /// <summary>What the scenario's capabilities rest on GitLab defaults for (empty when settings were given).</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];

    public bool IsEmpty => Projects.Count == 0 || RefEvents.Count == 0 || Environments.Count == 0 || Users.Count == 0;

    /// <summary>No token at all: the persona cannot act on this path (nothing to reclaim, no group, no fork pipelines).</summary>
    public static SearchSpace Empty(string issuer) => new()
    {
        Issuer = issuer, Projects = [], RefEvents = [], Environments = [], Users = [], Runners = [], ComponentSets = [],
    };
}
