using Keyless.Formats.Output;
using Keyless.GitLab.Lint.Flow;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// A token reaches the job log: <c>echo $TOKEN</c>, <c>printenv</c>, or a transformed copy (<c>| base64</c>,
/// <c>${TOKEN:0:20}</c>) that GitLab's masking does not recognise; also cloud access tokens printed by
/// <c>gcloud auth print-access-token</c>, <c>az account get-access-token</c> or STS calls (<c>aws sts
/// assume-role-with-web-identity</c>) on their own. Only the claims (<c>cut -d. -f2 | base64 -d</c>) is info: they are
/// not secret and cannot be redeemed without the signature.
/// </summary>
internal sealed class TokenPrintedRule : LintRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "token-printed", "an ID token or cloud access token is printed to the job log", Severity.High);

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var job in context.Document.Jobs)
        {
            foreach (var e in context.Flow(job).Events.Where(e => e is { Kind: FlowEventKind.Printed, Taint: not null }))
            {
                var taint = e.Taint!;
                var (message, severity) = (taint.Kind, taint.Transformed) switch
                {
                    (TaintKind.Claims, _) => (
                        $"'{e.Detail}' prints the claims of ID token {taint.Source} (its header or payload, without the signature) to the job log. "
                        + "They cannot be redeemed, so this is no leak; they show the project, ref and pipeline, which the log shows anyway.",
                        Severity.Info),
                    (TaintKind.IdToken, false) => (
                        $"'{e.Detail}' prints ID token {taint.Source} to the job log. GitLab masks only this exact form; "
                        + "anything that changes it on the way (a trace, a wrapper, a split line) shows the token.",
                        Severity.Medium),
                    (TaintKind.IdToken, true) => (
                        $"'{e.Detail}' prints a transformed copy of ID token {taint.Source} to the job log, where GitLab's masking "
                        + "does not recognise it: anyone who can read the log can redeem the token until it expires.",
                        Severity.High),
                    _ => (
                        $"the job log gets a cloud credential from '{taint.Source}': it is never masked, and anyone who can "
                        + "read the log can use it until it expires.",
                        Severity.High),
                };
                yield return Report(
                    e.Location,
                    $"job '{job.Name}': {message}",
                    taint.Kind == TaintKind.Claims
                        ? "Nothing to fix for the token's sake. To keep logs short, look at claims with `keyless decode` on your machine."
                        : "Do not print tokens or credentials. To look at the claims, decode them locally with `keyless decode`; in the job, "
                            + "pass the token straight to the tool that exchanges it, and send credentials to a file outside the project or a pipe.",
                    severity: severity,
                    path: $"{job.Name}.script");
            }
        }
    }
}
