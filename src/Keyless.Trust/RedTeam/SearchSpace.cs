namespace Keyless.Trust.RedTeam;

/// <summary>
/// The tokens one scenario can make GitLab mint for one path, dimension by dimension. The first value of each
/// dimension is the scenario's most natural token; the search varies only the dimensions the trust reads.
/// </summary>
public sealed record SearchSpace
{
    public required IReadOnlyList<ProjectShape> Projects { get; init; }

    public required IReadOnlyList<RefShape> Refs { get; init; }

    public required IReadOnlyList<EnvShape> Environments { get; init; }

    public required IReadOnlyList<string> PipelineSources { get; init; }

    public required IReadOnlyList<UserShape> Users { get; init; }

    public required IReadOnlyList<string> Runners { get; init; }

    public required IReadOnlyList<IReadOnlyList<string>> ComponentSets { get; init; }

    /// <summary>What the scenario's capabilities rest on GitLab defaults for (empty when settings were given).</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];

    public bool IsEmpty => Projects.Count == 0 || Refs.Count == 0 || Environments.Count == 0 || PipelineSources.Count == 0;
}
