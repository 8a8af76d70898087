using Keyless.Plan.Scripts;

namespace Keyless.Plan.Design;

/// <summary>
/// The <c>keyless login</c> steps a generated job runs, with exactly the flags the login command accepts (issue #6,
/// docs/login.md). Kept in one place so the pipeline follows the command wherever it changes. The credential
/// files go to a private directory outside the project, so no <c>artifacts:</c> or cache can pick them up, and the
/// access token never reaches the job log (<c>login azure</c> prints it unless it writes an env file).
/// </summary>
public static class LoginStep
{
    /// <summary>The job's private directory for what login writes (the token copy, the credential file).</summary>
    public const string Directory = "KEYLESS_DIR";

    private const string DirectoryValue = "$" + Directory;

    /// <summary>
    /// <c>keyless login gcp</c>: the provider as <c>//iam.googleapis.com/projects/NUM/…/providers/PROV</c>, the account,
    /// and <c>--output</c>: the external_account configuration Terraform, gcloud and the client libraries read.
    /// </summary>
    public static IReadOnlyList<string> Gcp(string provider, string serviceAccount, string tokenVariable) =>
        ["keyless", "login", "gcp", "--provider", provider, "--service-account", serviceAccount, "--token-env", tokenVariable,
            "--output", DirectoryValue + "/gcp.json"];

    /// <summary>
    /// <c>keyless login azure</c>: tenant and client id of the application or managed identity, and <c>--env-file</c>
    /// for Terraform's azurerm/azuread providers and Azure.Identity.
    /// </summary>
    public static IReadOnlyList<string> Azure(string tenant, string clientId, string tokenVariable) =>
        ["keyless", "login", "azure", "--tenant", tenant, "--client-id", clientId, "--token-env", tokenVariable,
            "--env-file", DirectoryValue + "/azure.env"];

    /// <summary>
    /// <c>keyless login aws</c>: the role's ARN, and <c>--env-file</c> (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
    /// AWS_SESSION_TOKEN) for the AWS CLI, the SDKs and Terraform's aws provider.
    /// </summary>
    public static IReadOnlyList<string> Aws(string roleArn, string tokenVariable) =>
        ["keyless", "login", "aws", "--role-arn", roleArn, "--token-env", tokenVariable, "--env-file", DirectoryValue + "/aws.env"];

    /// <summary>The script lines around a login: the private directory, the login, and handing its result to the tools.</summary>
    public static IReadOnlyList<string> Script(Cloud cloud, IReadOnlyList<string> login)
    {
        var words = string.Join(' ', login.Select(Word));
        return cloud switch
        {
            Cloud.Gcp => [$"{Directory}=\"$(mktemp -d)\"", words, $"export GOOGLE_APPLICATION_CREDENTIALS=\"{DirectoryValue}/gcp.json\""],
            Cloud.Azure => [$"{Directory}=\"$(mktemp -d)\"", words, $"set -a; . \"{DirectoryValue}/azure.env\"; set +a"],
            _ => [$"{Directory}=\"$(mktemp -d)\"", words, $"set -a; . \"{DirectoryValue}/aws.env\"; set +a"],
        };
    }

    /// <summary>A shell word; paths in the private directory are double-quoted so the variable expands.</summary>
    private static string Word(string word) =>
        word.StartsWith(DirectoryValue + "/", StringComparison.Ordinal) ? $"\"{word}\"" : Shell.Quote(word);
}
