using Keyless.Formats.Output;
using Keyless.GitLab.Lint.Flow;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// An ID token is written to a file that the job uploads (<c>artifacts:paths</c>, <c>artifacts:untracked</c>, a report,
/// a dotenv report): anyone who can download the job's artifacts can redeem it until it expires. Claims alone
/// (header or payload, no signature) are reported at info: readable, not redeemable.
/// </summary>
internal sealed class TokenInArtifactsRule : LintRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "token-in-artifacts", "an ID token is written to a file the job uploads as an artifact or dotenv report", Severity.High);

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var job in context.TokenJobs)
        {
            var artifacts = context.Artifacts(job);
            foreach (var e in context.Flow(job).Events.Where(e => e is { Kind: FlowEventKind.WrittenToFile, Taint.Kind: TaintKind.IdToken or TaintKind.Claims }))
            {
                if (artifacts.Uploading(e.File!) is not { } upload)
                {
                    continue;
                }

                if (e.Taint!.Kind == TaintKind.Claims)
                {
                    yield return Report(
                        e.Location,
                        $"job '{job.Name}' writes the claims of ID token {e.Taint.Source} (header or payload, no signature) to {e.File}, which "
                        + $"{upload.How} uploads: they cannot be redeemed, so this is no leak.",
                        "Nothing to fix for the token's sake; keep whole tokens out of uploaded files.",
                        Severity.Info,
                        path: $"{job.Name}.script");
                    continue;
                }

                yield return Report(
                    e.Location,
                    $"job '{job.Name}' writes ID token {e.Taint!.Source} to {e.File}, which {upload.How} uploads "
                    + $"({upload.Entry.Location.File}:{upload.Entry.Location.Line}): anyone who can download the artifacts can redeem it until it expires.",
                    "Write token files outside the project folder (for example under /tmp or $CI_BUILDS_DIR/.tokens), "
                    + "or exclude them from artifacts; never put tokens in a dotenv report.",
                    path: $"{job.Name}.script");
            }
        }
    }
}
