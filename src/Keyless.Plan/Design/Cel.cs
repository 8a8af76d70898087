using System.Text;

namespace Keyless.Plan.Design;

/// <summary>The GCP attribute mapping and condition Keyless writes, as CEL text.</summary>
internal static class Cel
{
    /// <summary>
    /// Only claims every GitLab token carries are mapped (a mapping that reads an absent claim fails the exchange).
    /// The subject is built from the project id and the ref, so it stays well under 127 bytes and does not depend
    /// on the project's sub claim setting.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> AttributeMapping =
    [
        new("google.subject", "\"project_id:\" + assertion.project_id + \":ref_type:\" + assertion.ref_type + \":ref:\" + assertion.ref"),
        new("attribute.project_id", "assertion.project_id"),
        new("attribute.project_path", "assertion.project_path"),
        new("attribute.ref_type", "assertion.ref_type"),
        new("attribute.ref", "assertion.ref"),
    ];

    /// <summary>
    /// One project's clause: its id, a protected ref of the right type and name, and where environments are named,
    /// a protected environment of that name (§3.3, §3.4, §3.6, §3.7).
    /// </summary>
    public static string ProjectClause(string projectId, IReadOnlyList<string> branches, IReadOnlyList<string> tags,
        IReadOnlyList<string> environments)
    {
        var refs = new List<string>();
        if (branches.Count > 0)
        {
            refs.Add($"assertion.ref_type == \"branch\" && {Equals("assertion.ref", branches)}");
        }

        if (tags.Count > 0)
        {
            refs.Add($"assertion.ref_type == \"tag\" && {Equals("assertion.ref", tags)}");
        }

        var clause = new StringBuilder()
            .Append($"assertion.project_id == {Quote(projectId)} && assertion.ref_protected == \"true\" && ")
            .Append(refs.Count == 1 ? refs[0] : $"({string.Join(" || ", refs.Select(r => $"({r})"))})");
        if (environments.Count > 0)
        {
            clause.Append($" && assertion.environment_protected == \"true\" && {Equals("assertion.environment", environments)}");
        }

        return clause.ToString();
    }

    private static string Equals(string field, IReadOnlyList<string> values) =>
        values.Count == 1 ? $"{field} == {Quote(values[0])}" : $"{field} in [{string.Join(", ", values.Select(Quote))}]";

    /// <summary>A CEL double-quoted string literal.</summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
