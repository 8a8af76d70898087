using Keyless.Formats.Inputs;
using Keyless.GitLab.Lint;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Tests.Lint;

/// <summary>Linting a pipeline written in a test against one of the trust rules' fixture trusts.</summary>
internal static class TrustRuleFixtures
{
    public static LintOptions WithTrust(string ruleFolder, params string[] files)
    {
        var folder = Path.Combine(LintFixtures.Root, ruleFolder, LintFixtures.TrustFolder);
        return new LintOptions { Trust = TrustLoader.Load(files.Length == 0 ? [folder] : files.Select(f => Path.Combine(folder, f)), TrustRequirement.AnyTrust) };
    }

    public static IReadOnlyList<Finding> FindingsOf(string yaml, LintOptions options, string id) =>
        Linter.Lint(PipelineReader.Parse(yaml, "test.gitlab-ci.yml"), options).Where(f => f.Id == id).ToList();

    /// <summary>A job gated to protected refs outside merge request pipelines, so only the rule under test speaks.</summary>
    public static string Job(string name, string tokenName, string aud, string script, string extra = "") =>
        $"""
        {name}:
          id_tokens:
            {tokenName}:
              aud: {aud}
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"
              when: never
            - if: $CI_COMMIT_REF_PROTECTED == "true"
        {extra}  script:
            - {script}

        """;
}
