using Keyless.Formats.Output;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// <c>id_tokens</c> under <c>default:</c> gives every job a token — test jobs, merge request jobs, jobs from included
/// templates — where only the deploying jobs need one.
/// </summary>
internal sealed class IdTokensInDefaultRule : LintRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "id-tokens-in-default", "id_tokens under default: gives every job an ID token", Severity.Medium);

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        if (context.Document.Default is not { } defaults || !defaults.TryGetEntry("id_tokens", out var entry))
        {
            yield break;
        }

        var names = (entry.Value as PipelineMapping)?.Entries.Select(e => e.Name).ToList() ?? [];
        var inheriting = context.Document.Jobs.Where(j => j.IdTokens.Any(t => t.FromDefault)).ToList();
        var idle = inheriting.Where(j => !j.IdTokens.Any(t => t.FromDefault && TokenUse.InJob(context, j, t))).ToList();
        var shown = string.Join(", ", idle.Take(5).Select(j => j.Name)) + (idle.Count > 5 ? ", …" : string.Empty);
        var message = $"id_tokens under default: gives {Plural(inheriting.Count, "job")} an ID token ({string.Join(", ", names)})"
            + (idle.Count > 0 ? $"; {Plural(idle.Count, "job")} never use it ({shown})." : ".");
        yield return Report(
            entry.Key.Location,
            message,
            "Move the id_tokens block from default: into the jobs that exchange the token (or a hidden template only they extend).",
            path: "default.id_tokens");
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
