using Keyless.Formats.Output;
using Keyless.GitLab.Lint.Flow;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// An ID token goes through <c>base64</c>, <c>cut</c>, <c>jq</c>, <c>sed</c>, <c>tr</c>… and the result is kept (in a
/// variable or a file that is not uploaded). GitLab masks the token only in its verbatim form, so whatever prints
/// or stores that copy later leaks it. Keeping only the claims (header or payload, no signature) is no such copy.
/// </summary>
internal sealed class TokenTransformedRule : LintRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "token-transformed", "an ID token is transformed (base64, cut, jq…) out of reach of masking", Severity.Medium);

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var job in context.TokenJobs)
        {
            var artifacts = context.Artifacts(job);
            foreach (var e in context.Flow(job).Events.Where(e => e is { Kind: FlowEventKind.Transformed, Taint.Kind: TaintKind.IdToken }))
            {
                // Written where an artifact picks it up: token-in-artifacts says so, with more weight.
                if (e.File is { } file && artifacts.Uploading(file) is not null)
                {
                    continue;
                }

                yield return Report(
                    e.Location,
                    $"job '{job.Name}' transforms ID token {e.Taint!.Source}"
                    + (e.File is { } written ? $" and writes it to {written}" : string.Empty)
                    + ": GitLab masks only the verbatim token, so this copy shows wherever it is printed or stored.",
                    "Pass the token to the exchanging tool as it is; decode claims for debugging outside CI with `keyless decode`.",
                    path: $"{job.Name}.script");
            }
        }
    }
}
