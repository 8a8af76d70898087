using Keyless.Formats.Output;
using Keyless.GitLab.Lint.Gating;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// A job that holds an ID token can run in a fork's merge request pipeline or on an unprotected ref: its
/// <c>rules:</c> (or <c>only:</c>/<c>except:</c>, or their absence) do not keep it to protected refs of this project.
/// Defence in depth — the cloud trust must refuse such tokens too — but it keeps untrusted code from ever holding one.
/// Where the rules hold something Keyless could not read (an input with no value, a parent in an include not read)
/// and nothing else decides, the job is reported at info as not judged: neither gated nor ungated.
/// </summary>
internal sealed class UngatedTokenJobRule : LintRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "ungated-token-job", "a job holding an ID token can run in fork merge request pipelines or on unprotected refs", Severity.High);

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var job in context.TokenJobs)
        {
            var open = AttackScenario.All
                .Select(s => (Scenario: s, Truth: JobGate.Runs(job, context.Document.Workflow, s)))
                .Where(r => r.Truth.Possible())
                .ToList();
            if (open.Count == 0)
            {
                continue;
            }

            var fork = open.Any(r => r.Scenario.Persona == Persona.ForkContributor);
            var sure = open.All(r => r.Truth == Truth.True);
            var what = job.IdTokens.Count > 0 ? "ID token " + string.Join(", ", job.IdTokens.Select(t => t.Name)) : $"the {job.Identity} identity";
            var unknowns = JobGate.Unknowns(job, context.Document.Workflow);
            if (unknowns.Count > 0 && open.All(r => r.Truth == Truth.Unknown))
            {
                yield return Report(
                    job.Location,
                    $"job '{job.Name}' holds {what}, and whether it can run in fork merge request pipelines or on unprotected refs "
                    + $"depends on {string.Join(", ", unknowns)}, which {(unknowns.Count == 1 ? "is" : "are")} not known here: "
                    + "the job was not judged gated or ungated.",
                    "Lint the pipeline that includes this file with the inputs it passes (include: local with inputs:), or make sure "
                    + "the rules it gets stop merge request pipelines and unprotected refs before any rule that runs it.",
                    severity: Severity.Info,
                    confidence: Confidence.Likely,
                    persona: fork ? Persona.ForkContributor : Persona.Developer,
                    path: $"{job.Name}.rules");
                continue;
            }

            yield return Report(
                job.Location,
                $"job '{job.Name}' holds {what} and can run in {string.Join("; ", open.Select(r => r.Scenario.Description))}"
                + (sure ? "." : " (depending on values its rules test).")
                + (unknowns.Count > 0 ? $" Its rules also depend on {string.Join(", ", unknowns)}, not known here." : string.Empty)
                + " Keep tokens away from code no Maintainer approved; the cloud trust must refuse such tokens as well.",
                "Add rules that stop it there before any rule that runs it, e.g.\n"
                + "  rules:\n"
                + "    - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"\n      when: never\n"
                + "    - if: $CI_COMMIT_REF_PROTECTED == \"true\"",
                severity: fork ? Severity.High : Severity.Medium,
                confidence: sure ? Confidence.Proven : Confidence.Likely,
                persona: fork ? Persona.ForkContributor : Persona.Developer,
                path: $"{job.Name}.rules");
        }
    }
}
