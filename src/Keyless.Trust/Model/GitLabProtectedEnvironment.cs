namespace Keyless.Trust.Model;

/// <summary>A protected environment (Premium/Ultimate): only the listed roles may deploy to it.</summary>
public sealed record GitLabProtectedEnvironment
{
    public required string Name { get; init; }

    public IReadOnlyList<GitLabAccessLevel> DeployAccess { get; init; } = [];

    public bool HasIndividualGrants { get; init; }

    public string? Project { get; init; }

    public required SourceRef Source { get; init; }
}
