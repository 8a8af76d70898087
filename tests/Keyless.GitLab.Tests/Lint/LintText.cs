using Keyless.GitLab.Lint;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Tests.Lint;

/// <summary>Lints pipeline text the way the CLI lints a file with no includes to read.</summary>
internal static class LintText
{
    /// <summary>Every finding of the rule <paramref name="id"/> in <paramref name="yaml"/>.</summary>
    public static List<Finding> Findings(string yaml, string id) =>
        Linter.Lint(PipelineReader.Parse(yaml, ".gitlab-ci.yml")).Where(f => f.Id == id).ToList();
}
