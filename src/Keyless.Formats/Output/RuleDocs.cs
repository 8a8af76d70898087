using System.Reflection;

namespace Keyless.Formats.Output;

/// <summary>
/// Where a rule's documentation lives: <c>docs/&lt;folder&gt;/&lt;id&gt;.md</c> in the repository, and the same page on
/// the project's web host (the <c>KeylessRepositoryUrl</c> build property), for reports read away from a checkout.
/// </summary>
public static class RuleDocs
{
    /// <summary>The project's home, from the build (Directory.Build.props).</summary>
    public static string RepositoryUrl { get; } =
        typeof(RuleDocs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "KeylessRepositoryUrl")?.Value?.TrimEnd('/')
        ?? throw new InvalidOperationException("Keyless.Formats was built without KeylessRepositoryUrl");

    /// <summary>The docs folder of a command's rules: the audits are many pages under <c>docs/audits/</c>.</summary>
    public static string Folder(string toolCommand) => toolCommand switch
    {
        "audit" => "audits",
        _ => toolCommand,
    };

    /// <summary>The page's path in the repository, e.g. <c>docs/audits/anyone-can-assume.md</c>.</summary>
    public static string Page(string toolCommand, string ruleId) => $"docs/{Folder(toolCommand)}/{ruleId}.md";

    /// <summary>The page on the web, for SARIF <c>helpUri</c> and the GitLab reports' identifiers.</summary>
    public static Uri Url(string toolCommand, string ruleId) => new($"{RepositoryUrl}/-/blob/main/{Page(toolCommand, ruleId)}");
}
