using System.Net;
using Keyless.Trust.Diagnostics;

namespace Keyless.Login.Http;

/// <summary>
/// Checks the endpoint options. The id_token goes in the request body, so it may travel only over HTTPS, or over
/// plain HTTP to this machine (a local fake); anything else is refused before a byte is sent.
/// </summary>
public static class Endpoints
{
    public const string DefaultStsUrl = "https://sts.googleapis.com/v1/token";
    public const string DefaultIamCredentialsUrl = "https://iamcredentials.googleapis.com/v1";
    public const string DefaultAuthorityHost = "https://login.microsoftonline.com";

    /// <summary>Parses an endpoint option; bad values throw <see cref="InputException"/> naming the option.</summary>
    /// <param name="value">The option's value.</param>
    /// <param name="option">The option, named in errors.</param>
    /// <param name="secret">What would travel in clear text over plain HTTP.</param>
    /// <param name="caFileOption">The option that trusts a private CA, if the command has one.</param>
    public static Uri Require(string value, string option, string secret = "the token", string? caFileOption = "--ca-file")
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            // Not echoed when it may carry user info: a password must not reach stderr (and CI logs) this way either.
            throw new InputException(option, value.Contains('@', StringComparison.Ordinal) ? "the value is not an http(s) URL" : $"'{value}' is not an http(s) URL");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            var ca = caFileOption is null ? string.Empty : $" (and {caFileOption} for a private CA)";
            throw new InputException(option, $"'{Shown(uri)}' is plain HTTP to another machine; {secret} would travel in clear text. Use https://{ca}.");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InputException(option, $"'{Shown(uri)}' must be a plain URL, without user info, query or fragment");
        }

        return uri;
    }

    /// <summary>True for plain HTTP that never leaves this machine: localhost, 127.0.0.0/8 and ::1.</summary>
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>
    /// The URL for an error message: scheme, host, port and path only. User info may be a password and a query a
    /// token, and stderr ends up in CI logs.
    /// </summary>
    public static string Shown(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }

    /// <summary>Joins a base URL and a path the way gcloud and the clients do: one slash between them.</summary>
    public static Uri Join(Uri baseUrl, string path)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + path.TrimStart('/'));
    }
}
