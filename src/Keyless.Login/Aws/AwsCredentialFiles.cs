using System.Globalization;
using System.Text;

namespace Keyless.Login.Aws;

/// <summary>
/// Where the AWS CLI and SDKs find the credentials after <c>keyless login aws</c>: a profile in a shared credentials
/// file (<c>aws_access_key_id</c>, <c>aws_secret_access_key</c>, <c>aws_session_token</c>), or an environment file with
/// <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>. Both hold secrets: written 0600.
/// </summary>
public static class AwsCredentialFiles
{
    /// <summary>The credentials file with <paramref name="profile"/> set, every other profile kept as it was.</summary>
    public static string WithProfile(string? existing, string profile, AwsSessionCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(credentials);
        var kept = new StringBuilder();
        var skipping = false;
        foreach (var line in (existing ?? string.Empty).Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
            {
                skipping = trimmed[1..^1].Trim() == profile;
            }

            if (!skipping && line.Length > 0)
            {
                kept.Append(line.TrimEnd('\r')).Append('\n');
            }
        }

        if (kept.Length > 0)
        {
            kept.Append('\n');
        }

        return kept
            .Append('[').Append(profile).Append("]\n")
            .Append("aws_access_key_id = ").Append(credentials.AccessKeyId).Append('\n')
            .Append("aws_secret_access_key = ").Append(credentials.SecretAccessKey).Append('\n')
            .Append("aws_session_token = ").Append(credentials.SessionToken).Append('\n')
            .ToString();
    }

    public static string EnvFile(AwsSessionCredentials credentials, string? region)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var text = new StringBuilder()
            .Append("# Written by keyless login aws. It holds temporary AWS credentials: source it in this job only\n")
            .Append("# (set -a; . ./FILE; set +a), never keep it as an artifact.\n")
            .Append("AWS_ACCESS_KEY_ID=").Append(credentials.AccessKeyId).Append('\n')
            .Append("AWS_SECRET_ACCESS_KEY='").Append(credentials.SecretAccessKey).Append("'\n")
            .Append("AWS_SESSION_TOKEN='").Append(credentials.SessionToken).Append("'\n");
        if (credentials.Expiration is { } e)
        {
            text.Append("AWS_CREDENTIAL_EXPIRATION=").Append(e.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append('\n');
        }

        if (region is not null)
        {
            text.Append("AWS_REGION=").Append(region).Append('\n');
        }

        return text.ToString();
    }
}
