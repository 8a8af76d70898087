using Keyless.Formats.Output;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// A job declares an ID token no script, variable or secret uses, and no tool it runs reads by that name
/// (<see cref="TokenReader.Known"/>): every process in the job (dependencies' install scripts included) can read a
/// cloud-redeemable token for nothing. When the job runs code the lint cannot read (a script from the repository,
/// a build tool, a parent from an include not read), that code may be what uses it: the finding is then likely,
/// not proven.
/// </summary>
internal sealed class UnusedIdTokenRule : LintRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "unused-id-token", "a job declares an ID token that nothing in it uses", Severity.Low);

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        // Tokens from default: are the id-tokens-in-default rule's business.
        var unused = context.Document.Jobs
            .SelectMany(job => job.IdTokens.Where(t => !t.FromDefault && !TokenUse.InJob(context, job, t)).Select(t => (job, token: t)))
            .GroupBy(p => p.token.Location);
        foreach (var group in unused)
        {
            var token = group.First().token;
            var jobs = group.Select(p => p.job.Name).ToList();
            var who = jobs.Count == 1 ? $"job '{jobs[0]}' holds" : $"jobs {string.Join(", ", jobs.Select(j => $"'{j}'"))} hold";
            var unseen = group.Select(p => UnseenCode.In(p.job, context.Flow(p.job).Commands)).FirstOrDefault(u => u is not null);
            yield return Report(
                token.Location,
                unseen is null
                    ? $"{who} the ID token {token.Name} but nothing in {(jobs.Count == 1 ? "it" : "them")} uses it."
                    : $"{who} the ID token {token.Name} and nothing the lint can read uses it, but {unseen}, which may read it from the environment.",
                $"Remove {token.Name} from id_tokens, or declare it only in the jobs that exchange it.",
                confidence: unseen is null ? Confidence.Proven : Confidence.Likely,
                path: $"{jobs[0]}.id_tokens.{token.Name}");
        }
    }
}
