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
        return Render(claims, components, static (claims, name) =>
            !claims.TryGetPropertyValue(name, out var node) || node is null ? null
            : node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString());
    }

    /// <summary>As above, for a candidate built as CEL values (the red-team's).</summary>
    internal static string Render(ClaimTable claims, IReadOnlyList<string>? components = null) =>
        Render(claims, components, static (claims, name) =>
            claims.Get(name) is not { } value || value.Type == Cel.CelType.Null ? null
            : value.TryGetString(out var s) ? s : ClaimTable.Node(value)!.ToJsonString());

    /// <summary>The renderer itself, over claims of either kind.</summary>
    /// <param name="claims">The claims.</param>
    /// <param name="components">The project's components; null: GitLab's default.</param>
    /// <param name="valueOf">The component's value as text, or null when the claim is absent or null (then it is dropped).</param>
    private static string Render<T>(T claims, IReadOnlyList<string>? components, Func<T, string, string?> valueOf)
    {
        // One builder per thread, reused: the red-team renders a subject for each of its million candidates.
        var builder = t_builder ?? new StringBuilder(256);
        t_builder = null;
        builder.Clear();
        foreach (var component in components ?? DefaultComponents)
        {
            if (valueOf(claims, component) is not { } value)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(':');
            }

            builder.Append(component).Append(':').Append(value);
        }

        var subject = builder.ToString();
        if (builder.Capacity <= MaxKeptCapacity)
        {
            t_builder = builder;
        }

        return subject;
    }

    // A subject is a few hundred characters; a builder grown past this by an odd one is not kept.
    private const int MaxKeptCapacity = 4096;

    [ThreadStatic]
    private static StringBuilder? t_builder;

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
