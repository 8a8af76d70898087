using Keyless.Formats.Output;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// <c>CI_JOB_JWT</c>, <c>CI_JOB_JWT_V1</c> and <c>CI_JOB_JWT_V2</c> were removed in GitLab 17.0: they are empty now, and
/// they gave every job a token whether it needed one or not. <c>id_tokens</c> replaces them.
/// </summary>
internal sealed class RemovedCiJobJwtRule : LintRule
{
    private static readonly string[] Removed = ["CI_JOB_JWT_V2", "CI_JOB_JWT_V1", "CI_JOB_JWT"];

    public override RuleDescriptor Descriptor { get; } = new(
        "removed-ci-job-jwt", "CI_JOB_JWT / CI_JOB_JWT_V2 are used (removed in GitLab 17.0)", Severity.Medium);

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        var seen = new HashSet<(string, int)>();
        foreach (var scalar in context.Document.Root.Scalars())
        {
            foreach (var (text, line) in scalar.Lines())
            {
                if (Removed.FirstOrDefault(name => Identifiers.Mentions(text, name)) is not { } name || !seen.Add((scalar.Location.File, line)))
                {
                    continue;
                }

                yield return Report(
                    scalar.Location with { Line = line },
                    $"{name} was removed in GitLab 17.0: it is empty now, so whatever exchanges it fails.",
                    $"Declare an ID token with the audience of the relying party (id_tokens: {{ID_TOKEN: {{aud: ...}}}}) in the job that needs it, and use $ID_TOKEN instead of ${name}.");
            }
        }
    }
}
