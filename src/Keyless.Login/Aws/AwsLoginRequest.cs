using Keyless.Login.Tokens;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Model;

namespace Keyless.Login.Aws;

/// <summary>What <c>keyless login aws</c> was asked to do.</summary>
public sealed record AwsLoginRequest
{
    public const string DefaultStsUrl = "https://sts.amazonaws.com";

    public required string RoleArn { get; init; }

    public required SubjectToken Token { get; init; }

    /// <summary>STS's endpoint; the Query API is served at its root.</summary>
    public Uri StsUrl { get; init; } = new(DefaultStsUrl);

    public string SessionName { get; init; } = "keyless";

    public TrustSet? Trust { get; init; }

    /// <summary>False: check the token and the trust, but send nothing.</summary>
    public bool Exchange { get; init; } = true;

    /// <summary>An IAM role ARN: <c>arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME</c>.</summary>
    public static string ValidateRoleArn(string value, string option = "--role-arn")
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit)
               && parts[5].StartsWith("role/", StringComparison.Ordinal) && parts[5].Length > 5
            ? value
            : throw new InputException(option, $"'{value}' is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)");
    }

    /// <summary>STS's RoleSessionName: 2 to 64 of letters, digits and <c>+=,.@-_</c>.</summary>
    public static string SessionNameFor(string? jobId) =>
        jobId is { Length: > 0 } id && id.All(char.IsAsciiDigit) ? $"gitlab-job-{id}" : "keyless";
}
