namespace Keyless.Plan.Design;

/// <summary>
/// The <c>keyless login</c> invocation a generated job runs. Kept in one place so the pipeline follows the login
/// command's flags (issue #6) wherever they change.
/// </summary>
public static class LoginStep
{
    /// <summary><c>keyless login gcp</c>: the provider's resource name (with the project number) and the account.</summary>
    public static IReadOnlyList<string> Gcp(string providerName, string serviceAccount, string tokenVariable) =>
        ["keyless", "login", "gcp", "--provider", providerName, "--service-account", serviceAccount, "--token-env", tokenVariable];

    /// <summary><c>keyless login azure</c>: tenant and client id of the application or managed identity.</summary>
    public static IReadOnlyList<string> Azure(string tenant, string clientId, string tokenVariable) =>
        ["keyless", "login", "azure", "--tenant", tenant, "--client-id", clientId, "--token-env", tokenVariable];
}
