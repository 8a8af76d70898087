using Keyless.Login.Http;
using Keyless.Login.Tokens;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Model;

namespace Keyless.Login.Gcp;

/// <summary>What <c>keyless login gcp</c> was asked to do.</summary>
public sealed record GcpLoginRequest
{
    /// <summary>generateAccessToken's range: above zero, and 12 h at most (beyond 1 h only with the org policy).</summary>
    public const int MaxLifetimeSeconds = 43200;

    public required GcpProviderName Provider { get; init; }

    /// <summary>The service account to impersonate; null for direct resource access with the federated token.</summary>
    public string? ServiceAccount { get; init; }

    public required SubjectToken Token { get; init; }

    public int? LifetimeSeconds { get; init; }

    public Uri StsUrl { get; init; } = new(Endpoints.DefaultStsUrl);

    public Uri IamCredentialsUrl { get; init; } = new(Endpoints.DefaultIamCredentialsUrl);

    public IReadOnlyList<string> Scopes { get; init; } = [StsClient.CloudPlatformScope];

    /// <summary>The trust inputs, to predict the answer and explain a refusal; null when none were given.</summary>
    public TrustSet? Trust { get; init; }

    /// <summary>False: check the token and the trust, but send nothing.</summary>
    public bool Exchange { get; init; } = true;

    /// <summary>Checks a service account option: an email, as IAM names service accounts.</summary>
    public static string ValidateServiceAccount(string value, string option = "--service-account")
    {
        ArgumentNullException.ThrowIfNull(value);
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1
            || value.Any(c => char.IsWhiteSpace(c) || c is '/' or ':' or '?' or '#' or '%'))
        {
            throw new InputException(option, $"'{value}' is not a service account email (NAME@PROJECT.iam.gserviceaccount.com)");
        }

        return value;
    }

    public static int ValidateLifetime(int seconds, string option = "--lifetime") =>
        seconds is > 0 and <= MaxLifetimeSeconds
            ? seconds
            : throw new InputException(option, $"{seconds} is outside 1..{MaxLifetimeSeconds} seconds; service account tokens live at most 1 h, or 12 h with constraints/iam.allowServiceAccountCredentialLifetimeExtension");
}
