namespace Keyless.Trust.Model;

/// <summary>The parts of an ARN Keyless reads: <c>arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE</c>.</summary>
public static class AwsArn
{
    public const string OidcProviderPrefix = "oidc-provider/";

    /// <summary>The account field, or null when the text is no ARN or leaves it empty.</summary>
    public static string? Account(string? arn) => Field(arn, 4) is { Length: > 0 } account ? account : null;

    /// <summary>The resource part (everything after the fifth colon).</summary>
    public static string? Resource(string? arn)
    {
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var colons = 0;
        for (var i = 0; i < arn.Length; i++)
        {
            if (arn[i] == ':' && ++colons == 5)
            {
                return arn[(i + 1)..];
            }
        }

        return null;
    }

    /// <summary>The provider URL an <c>oidc-provider/…</c> ARN names, or null.</summary>
    public static string? OidcProviderUrl(string? arn) =>
        Resource(arn) is { } resource && resource.StartsWith(OidcProviderPrefix, StringComparison.Ordinal)
            ? resource[OidcProviderPrefix.Length..]
            : null;

    /// <summary>The role name of a <c>role/PATH/NAME</c> ARN (the last path element), or null.</summary>
    public static string? RoleName(string? arn) =>
        Resource(arn) is { } resource && resource.StartsWith("role/", StringComparison.Ordinal)
            ? resource[(resource.LastIndexOf('/') + 1)..]
            : null;

    public static string OidcProvider(string account, string url) => $"arn:aws:iam::{account}:{OidcProviderPrefix}{url}";

    private static string? Field(string? arn, int index)
    {
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = arn.Split(':', 6);
        return parts.Length > index ? parts[index] : null;
    }
}
