namespace Keyless.Trust.GitLab;

/// <summary>
/// The environment claims GitLab can send: <c>environment</c> (a name the job's YAML chooses), <c>deployment_tier</c>
/// (one of five tiers, also chosen in YAML) and <c>environment_action</c>.
/// </summary>
/// <remarks>
/// Names: <c>Gitlab::Regex.environment_name_regex</c> (lib/gitlab/regex.rb): letters, digits, <c>- _ / $ { } .</c>
/// and spaces, not starting or ending with <c>/</c>; at most 255 characters (<c>Environment</c> validation). Tiers:
/// <c>Environment.tiers</c> (app/models/environment.rb) and doc/ci/environments: production, staging, testing,
/// development, other; a job sets any of them with <c>environment:deployment_tier</c>, so a tier is not a pin.
/// Actions: doc/ci/yaml <c>environment:action</c>: start (the default), prepare, stop, verify, access.
/// </remarks>
public static class GitLabEnvironments
{
    private const int MaxName = 255;

    public static IReadOnlyList<string> Tiers { get; } = ["production", "staging", "testing", "development", "other"];

    public static IReadOnlyList<string> Actions { get; } = ["start", "prepare", "stop", "verify", "access"];

    public static bool IsValidName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > MaxName || name[0] == '/' || name[^1] == '/')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '$' or '{' or '}' or '.' or ' '))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsTier(string tier) => Tiers.Contains(tier, StringComparer.Ordinal);
}
