using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;

namespace Keyless.Plan.Intent;

/// <summary>
/// What a single value in keyless.yml may look like. Each rule returns what is wrong, or null. The character sets
/// are deliberately narrow: every value lands in HCL, JSON, shell, Bicep, CEL and GitLab rule expressions, and a
/// value that needs no quoting anywhere cannot be mis-quoted anywhere.
/// </summary>
internal static class ValueRules
{
    public static string? Issuer(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return "the issuer must be an https:// URL (GCP refuses any other scheme)";
        }

        if (value.EndsWith('/'))
        {
            return $"GitLab's iss has no trailing slash and Azure compares the issuer exactly: use '{value.TrimEnd('/')}'";
        }

        return uri.Query.Length > 0 || uri.Fragment.Length > 0 || value.Any(char.IsWhiteSpace)
            ? "the issuer must be a plain URL without query, fragment or spaces"
            : null;
    }

    public static string? ProjectPath(string value)
    {
        var segments = value.Split('/');
        return segments.Length < 2 || segments.Any(s => s.Length == 0 || !s.All(IsPathChar) || s[0] is '-' or '.')
            ? $"'{value}' is not a GitLab project path like 'group/project' (letters, digits, '_', '-', '.')"
            : null;
    }

    public static string? NumericId(string value) =>
        value.Length is > 0 and <= 19 && value.All(char.IsAsciiDigit) && (value.Length == 1 || value[0] != '0')
            ? null
            : $"'{value}' is not a numeric id";

    /// <summary>
    /// Branch and tag names: git's own rules (no ':', '*', '?', '[', '..', no trailing '/' or '.lock'), narrowed to
    /// characters that need no quoting, and never a pattern: every cloud pin Keyless writes is exact.
    /// </summary>
    public static string? RefName(string value)
    {
        if (value.Any(c => c is '*' or '?' or '['))
        {
            return $"'{value}' is a pattern; list exact names (Azure credentials match exactly, and a pattern on the GCP side is what an attacker's ref is named to fit)";
        }

        var ok = value.Length is > 0 and <= 200
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '+')
            && value[0] is not ('-' or '/' or '.')
            && !value.EndsWith('/') && !value.EndsWith('.') && !value.EndsWith(".lock", StringComparison.Ordinal)
            && !value.Contains("..", StringComparison.Ordinal) && !value.Contains("//", StringComparison.Ordinal);
        return ok ? null : $"'{value}' is not a usable ref name (letters, digits, '.', '_', '-', '/', '+'; git's rules)";
    }

    public static string? EnvironmentName(string value) =>
        value.Length is > 0 and <= 200 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/')
            && value[0] is not ('-' or '/')
            ? null
            : $"'{value}' is not a usable environment name (letters, digits, '.', '_', '-', '/')";

    public static string? Tier(string value) =>
        IntentReader.Tiers.Contains(value)
            ? null
            : $"'{value}' is not a GitLab deployment tier; expected one of: {string.Join(", ", IntentReader.Tiers)}";

    public static string? ServiceAccountEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var ok = at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1
            && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' or '@');
        return ok ? null : $"'{value}' is not a service account email (name@project.iam.gserviceaccount.com)";
    }

    public static string? GcpProjectId(string value) =>
        value.Length is >= 6 and <= 30 && char.IsAsciiLetterLower(value[0]) && value[^1] != '-'
            && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? null
            : $"'{value}' is not a GCP project id (6-30 of a-z, 0-9, '-'; the project number goes in 'project_number')";

    public static string? PoolOrProviderId(string value) =>
        value.Length is >= 4 and <= 32 && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && !value.StartsWith("gcp-", StringComparison.Ordinal) && value[0] != '-' && value[^1] != '-'
            ? null
            : $"'{value}' is not a workload identity pool or provider id (4-32 of a-z, 0-9, '-'; 'gcp-' is reserved)";

    public static string? Guid(string value) =>
        value.Length == 36 && System.Guid.TryParseExact(value, "D", out _)
            ? null
            : $"'{value}' is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)";

    public static string? ResourceGroup(string value) =>
        value.Length is > 0 and <= 90 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            && value[^1] != '.'
            ? null
            : $"'{value}' is not a resource group name (letters, digits, '-', '_', '.')";

    public static string? AzureName(string value) =>
        value.Length is >= 3 and <= 120 && char.IsAsciiLetterOrDigit(value[0])
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? null
            : $"'{value}' is not a usable name (3-120 of letters, digits, '-', '_', '.', starting with a letter or digit)";

    public static string? Audience(string value) =>
        value.Length is > 0 and <= 256 && value.All(c => c > ' ' && c < 127 && c is not ('"' or '\'' or '\\' or '$' or '`'))
            ? null
            : $"'{value}' is not a usable audience (at most 256 printable characters, no quotes, '$' or spaces)";

    public static string? AwsAccountId(string value) =>
        value.Length == 12 && value.All(char.IsAsciiDigit)
            ? null
            : $"'{value}' is not an AWS account id (12 digits; quote it so YAML keeps leading zeros)";

    /// <summary>IAM's role name (botocore iam model, roleNameType: 1-64 of <c>[\w+=,.@-]</c>).</summary>
    public static string? IamRoleName(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-')
            ? null
            : $"'{value}' is not an IAM role name (1-64 of letters, digits, '+', '=', ',', '.', '@', '_', '-')";

    /// <summary>
    /// IAM's path (pathType: <c>/</c> or <c>/…/</c>, at most 512), narrowed to the role name's characters and '/' so it
    /// needs no quoting in any output.
    /// </summary>
    public static string? IamPath(string value) =>
        value.Length is > 0 and <= 512 && value[0] == '/' && value[^1] == '/' && !value.Contains("//", StringComparison.Ordinal)
            && value.All(c => c == '/' || IamRoleName(c.ToString()) is null)
            ? null
            : $"'{value}' is not an IAM path ('/' or '/a/b/': begins and ends with '/', letters, digits, '+', '=', ',', '.', '@', '_', '-')";

    /// <summary>A role's MaxSessionDuration (roleMaxSessionDurationType: 3600 to 43200 seconds).</summary>
    public static string? MaxSessionDuration(string value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 3600 and <= 43200
            ? null
            : $"'{value}' is not a session duration IAM accepts (3600 to 43200 seconds)";

    /// <summary>An account's AssumeRolePolicySizeQuota: 2048 by default, raised through Service Quotas.</summary>
    public static string? TrustPolicySizeQuota(string value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)
            && size is >= 2048 and <= 131072
            ? null
            : $"'{value}' is not a trust policy size quota (the account's AssumeRolePolicySizeQuota from 'aws iam get-account-summary', at least 2048)";

    /// <summary>An inline JWKS for a GitLab issuer GCP cannot reach: public RSA or EC keys only.</summary>
    public static string? Jwks(string value)
    {
        try
        {
            if (StrictJson.Parse(value, 16) is not JsonObject root || root["keys"] is not JsonArray { Count: > 0 } keys)
            {
                return "the JWKS must be a JSON object with a non-empty \"keys\" array";
            }

            foreach (var key in keys)
            {
                if (key is not JsonObject jwk)
                {
                    return "every entry of \"keys\" must be a JSON object";
                }

                if (jwk.ContainsKey("d") || jwk.ContainsKey("p"))
                {
                    return "the JWKS holds a private key (it has \"d\"); give only the issuer's public keys";
                }

                if (jwk["kty"] is not JsonValue kty || !kty.TryGetValue<string>(out var type) || type is not ("RSA" or "EC"))
                {
                    return "GCP accepts only RSA and EC keys in an inline JWKS";
                }
            }

            return null;
        }
        catch (JsonException e)
        {
            return $"the JWKS is not valid JSON: {e.Message}";
        }
    }

    private static bool IsPathChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';
}
