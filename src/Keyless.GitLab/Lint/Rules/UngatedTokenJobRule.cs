using Keyless.Formats.Output;
using Keyless.GitLab.Lint.Gating;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// A job that holds an ID token can run in a fork's merge request pipeline or on an unprotected ref: its
/// <c>rules:</c> (or <c>only:</c>/<c>except:</c>, or their absence) do not keep it to protected refs of this project.
/// Defence in depth — the cloud trust must refuse such tokens too — but it keeps untrusted code from ever holding one.
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
            yield return Report(
                job.Location,
                $"job '{job.Name}' holds {what} and can run in {string.Join("; ", open.Select(r => r.Scenario.Description))}"
                + (sure ? "." : " (depending on values its rules test).")
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
