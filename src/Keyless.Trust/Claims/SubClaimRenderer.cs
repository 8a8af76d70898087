using System.Text;
using System.Text.Json.Nodes;

namespace Keyless.Trust.Claims;

/// <summary>
/// Renders GitLab's <c>sub</c> from a project's <c>ci_id_token_sub_claim_components</c> the way jwt_v2.rb does:
/// each present component as <c>name:value</c>, joined with <c>:</c>; absent components are dropped, so one
/// project can mint subjects of different lengths.
/// </summary>
public static class SubClaimRenderer
{
    /// <summary>GitLab's default: <c>project_path:{path}:ref_type:{type}:ref:{ref}</c>.</summary>
    public static IReadOnlyList<string> DefaultComponents { get; } =
        [GitLabClaimNames.ProjectPath, GitLabClaimNames.RefType, GitLabClaimNames.Ref];

    /// <summary>Components GitLab accepts as the first element.</summary>
    public static IReadOnlySet<string> LeadingComponents { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        GitLabClaimNames.ProjectPath,
        GitLabClaimNames.ProjectId,
        GitLabClaimNames.JobProjectPath,
        GitLabClaimNames.JobProjectId,
        GitLabClaimNames.SourceProjectPath,
        GitLabClaimNames.SourceProjectId,
    };

    /// <summary>Every component GitLab accepts (17.10 + 18.7 + MR !258245).</summary>
    public static IReadOnlySet<string> AllowedComponents { get; } = new HashSet<string>(LeadingComponents, StringComparer.Ordinal)
    {
        GitLabClaimNames.RefType,
        GitLabClaimNames.Ref,
        GitLabClaimNames.RefProtected,
        GitLabClaimNames.EnvironmentProtected,
        GitLabClaimNames.DeploymentTier,
    };

    /// <summary>Renders <c>sub</c> from claims (which need not contain <c>sub</c> itself).</summary>
    public static string Render(JsonObject claims, IReadOnlyList<string>? components = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var builder = new StringBuilder();
        foreach (var component in components ?? DefaultComponents)
        {
            if (!claims.TryGetPropertyValue(component, out var node) || node is null)
            {
                continue;
            }

            var value = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();
            if (builder.Length > 0)
            {
                builder.Append(':');
            }

            builder.Append(component).Append(':').Append(value);
        }

        return builder.ToString();
    }

    public static string Render(TokenClaims claims, IReadOnlyList<string>? components = null) =>
        Render(claims.ToJson(), components);

    /// <summary>Why GitLab would refuse this component list, or null when it is acceptable.</summary>
    public static string? Validate(IReadOnlyList<string> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (components.Count == 0)
        {
            return "ci_id_token_sub_claim_components must not be empty";
        }

        if (!LeadingComponents.Contains(components[0]))
        {
            return $"ci_id_token_sub_claim_components must start with project_path or project_id, not '{components[0]}'";
        }

        var unknown = components.FirstOrDefault(c => !AllowedComponents.Contains(c));
        return unknown is null ? null : $"'{unknown}' is not a sub claim component GitLab accepts";
    }
}
