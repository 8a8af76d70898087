using Keyless.GitLab.Api;
using Keyless.Trust.Findings;

namespace Keyless.Scan.Tests;

internal static class ScanAssert
{
    public static IReadOnlyList<Finding> ScanText(string text, string file = "sample.txt") =>
        new SecretScanner().ScanText(text, file);

    public static IReadOnlyList<Finding> ScanVariable(GitLabVariable variable, VariableLevel level = VariableLevel.Project) =>
        new SecretScanner().ScanVariables(new GitLabVariableSet(level, "acme/app", "https://gitlab.example.com/api/v4/projects/acme%2Fapp/variables", "$", [variable]));

    public static Finding Single(IReadOnlyList<Finding> findings, string id)
    {
        var finding = Assert.Single(findings);
        Assert.Equal(id, finding.Id);
        return finding;
    }

    public static void None(IReadOnlyList<Finding> findings) => Assert.Empty(findings);
}
