using Keyless.Trust.Claims;

namespace Keyless.Trust.GitLab;

/// <summary>
/// The closed sets of values GitLab sends for a claim (a tier, a pipeline source, a role, …), so a literal outside
/// them can be named as the reason a trust admits nothing.
/// </summary>
public static class GitLabValues
{
    private static readonly string[] Booleans = ["true", "false"];

    /// <summary>The values GitLab sends for <paramref name="claim"/>, or null when the claim is open text.</summary>
    public static IReadOnlyList<string>? Of(string claim) => claim switch
    {
        GitLabClaimNames.PipelineSource => PipelineSources.All,
        GitLabClaimNames.DeploymentTier => GitLabEnvironments.Tiers,
        GitLabClaimNames.EnvironmentAction => GitLabEnvironments.Actions,
        GitLabClaimNames.RefType => ["branch", "tag"],
        GitLabClaimNames.RefProtected or GitLabClaimNames.EnvironmentProtected => Booleans,
        GitLabClaimNames.RunnerEnvironment => ["gitlab-hosted", "self-hosted"],
        GitLabClaimNames.ProjectVisibility => GitLabUsers.Visibilities,
        GitLabClaimNames.UserAccessLevel => GitLabUsers.AccessLevels,
        _ => null,
    };

    /// <summary>Why GitLab never sends <paramref name="value"/> as <paramref name="claim"/>, or null when it may.</summary>
    public static string? Never(string claim, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Of(claim) is { } values && !values.Contains(value, StringComparer.Ordinal)
            ? $"{claim} '{value}' is not a value GitLab sends ({string.Join(", ", values)})"
            : null;
    }
}
