using Keyless.Login.Http;
using Keyless.Login.Tokens;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Model;

namespace Keyless.Login.Azure;

/// <summary>What <c>keyless login azure</c> was asked to do.</summary>
public sealed record AzureLoginRequest
{
    public const string DefaultScope = "https://management.azure.com/.default";

    /// <summary>The tenant GUID or a verified domain, as <c>AZURE_TENANT_ID</c> holds it.</summary>
    public required string Tenant { get; init; }

    /// <summary>The application (client) id, or a user-assigned managed identity's client id.</summary>
    public required string ClientId { get; init; }

    public required SubjectToken Token { get; init; }

    public string Scope { get; init; } = DefaultScope;

    public Uri AuthorityHost { get; init; } = new(Endpoints.DefaultAuthorityHost);

    public TrustSet? Trust { get; init; }

    /// <summary>False: check the token and the trust, but send nothing.</summary>
    public bool Exchange { get; init; } = true;

    public Uri TokenUrl => Endpoints.Join(AuthorityHost, $"{Tenant}/oauth2/v2.0/token");

    /// <summary>Tenant ids are GUIDs or domain names; Azure.Identity allows exactly these characters.</summary>
    public static string ValidateTenant(string value, string option = "--tenant")
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length is > 0 and <= 256 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
            ? value
            : throw new InputException(option, $"'{value}' is not a tenant id (a GUID) or domain (contoso.onmicrosoft.com)");
    }

    public static string ValidateClientId(string value, string option = "--client-id")
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            ? value
            : throw new InputException(option, $"'{value}' is not an application (client) id; it is a GUID like 11111111-2222-3333-4444-555555555555");
    }

    /// <summary>Client credentials take one resource's <c>/.default</c> scope (cloud-semantics B4).</summary>
    public static string ValidateScope(string value, string option = "--scope")
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.EndsWith("/.default", StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace) && value.Length > "/.default".Length
            ? value
            : throw new InputException(option, $"'{value}' is not one resource's /.default scope; client credentials need exactly one, such as {DefaultScope}");
    }
}
