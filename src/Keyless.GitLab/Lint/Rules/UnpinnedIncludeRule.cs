using Keyless.Formats.Output;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// In a pipeline whose jobs hold ID tokens, an include that can change under it — a remote URL without
/// <c>integrity:</c>, a project include without a commit SHA <c>ref:</c>, a component at <c>~latest</c> or a branch —
/// lets whoever controls that source rewrite the jobs and send their tokens anywhere.
/// </summary>
internal sealed class UnpinnedIncludeRule : LintRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "unpinned-include", "an include or component is not pinned in a pipeline whose jobs hold ID tokens", Severity.High);

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        var holders = context.TokenJobs.Select(j => j.Name).ToList();
        if (holders.Count == 0)
        {
            yield break;
        }

        var who = string.Join(", ", holders.Take(5)) + (holders.Count > 5 ? ", …" : string.Empty);
        foreach (var include in context.Document.Includes)
        {
            if (Unpinned(include) is not var (why, fix))
            {
                continue;
            }

            yield return Report(
                include.Location,
                $"{Describe(include)} {why}: whoever can change it can rewrite the jobs that hold ID tokens ({who}) and send the tokens anywhere.",
                fix,
                path: "include");
        }
    }

    private static (string Why, string Fix)? Unpinned(PipelineInclude include) => include.Kind switch
    {
        IncludeKind.Remote when include.Integrity is null => (
            "is fetched from a URL with no integrity: check",
            "Add integrity: sha256-… for the file's content, or copy it into the project and include it with local:."),
        IncludeKind.Project when include.Ref is null => (
            "has no ref:, so it follows the other project's default branch",
            "Pin ref: to a full commit SHA of that project."),
        IncludeKind.Project when !IsSha(include.Ref!) => (
            $"is pinned to ref '{include.Ref}', a branch or tag that can move",
            "Pin ref: to a full commit SHA of that project."),
        IncludeKind.Component when ComponentVersion(include.Target) is var version && !IsPinnedVersion(version) => (
            version is null ? "has no @version" : $"uses version '{version}', which moves",
            "Pin the component to a full release version (@1.2.3) or a commit SHA."),
        _ => null,
    };

    private static string Describe(PipelineInclude include) => include.Kind switch
    {
        IncludeKind.Remote => $"include '{include.Target}'",
        IncludeKind.Project => $"include of project '{include.Target}'",
        IncludeKind.Component => $"component '{include.Target}'",
        _ => $"include '{include.Target}'",
    };

    private static string? ComponentVersion(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? null : address[(at + 1)..];
    }

    /// <summary>A full semantic version (1.2.3, 1.2.3-rc.1) or a 40-hex commit SHA; not ~latest, 1, 1.2 or a branch.</summary>
    private static bool IsPinnedVersion(string? version)
    {
        if (version is null)
        {
            return false;
        }

        if (IsSha(version))
        {
            return true;
        }

        var core = version.Split(['-', '+'], 2)[0];
        var parts = core.Split('.');
        return parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }

    private static bool IsSha(string reference) => reference.Length == 40 && reference.All(char.IsAsciiHexDigit);
}
