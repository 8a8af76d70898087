using Keyless.Formats.Output;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// A job declares an ID token no script, variable or secret uses: every process in the job (dependencies'
/// install scripts included) can read a cloud-redeemable token for nothing.
/// </summary>
internal sealed class UnusedIdTokenRule : LintRule
{
    /// <summary>Names that programs read from the environment by themselves (Terraform's azurerm/azuread providers).</summary>
    private static readonly HashSet<string> ReadByTools = new(StringComparer.Ordinal) { "ARM_OIDC_TOKEN" };

    public override RuleDescriptor Descriptor { get; } = new(
        "unused-id-token", "a job declares an ID token that nothing in it uses", Severity.Low);

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        // Tokens from default: are the id-tokens-in-default rule's business.
        var unused = context.Document.Jobs
            .SelectMany(job => job.IdTokens.Where(t => !t.FromDefault && !Used(job, t)).Select(t => (job, token: t)))
            .GroupBy(p => p.token.Location);
        foreach (var group in unused)
        {
            var token = group.First().token;
            var jobs = group.Select(p => p.job.Name).ToList();
            var who = jobs.Count == 1 ? $"job '{jobs[0]}' holds" : $"jobs {string.Join(", ", jobs.Select(j => $"'{j}'"))} hold";
            yield return Report(
                token.Location,
                $"{who} the ID token {token.Name} but nothing in {(jobs.Count == 1 ? "it" : "them")} uses it.",
                $"Remove {token.Name} from id_tokens, or declare it only in the jobs that exchange it.",
                path: $"{jobs[0]}.id_tokens.{token.Name}");
        }
    }

    private static bool Used(PipelineJob job, IdToken token)
    {
        if (ReadByTools.Contains(token.Name) || token.Name.StartsWith("TF_VAR_", StringComparison.Ordinal))
        {
            return true;
        }

        if (Identifiers.Mentions(job.Body.Without("id_tokens"), token.Name)
            || Identifiers.Mentions(job.InheritedVariables, token.Name))
        {
            return true;
        }

        // `secrets:` without `token:` uses the job's only ID token.
        return job.IdTokens.Count == 1 && job.Body.GetMapping("secrets") is { } secrets
            && secrets.Entries.Any(s => s.Value is PipelineMapping secret && !secret.ContainsKey("token"));
    }
}
