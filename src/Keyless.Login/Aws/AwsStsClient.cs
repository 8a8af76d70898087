using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Keyless.Login.Http;
using Keyless.Login.Tokens;
using Keyless.Trust.Evaluation;

namespace Keyless.Login.Aws;

/// <summary>
/// STS <c>AssumeRoleWithWebIdentity</c> over the Query API (docs/aws.md): an unsigned form POST at the endpoint's
/// root, the credentials or STS's <c>ErrorResponse</c> read from its XML.
/// </summary>
public sealed class AwsStsClient
{
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    private readonly LoginHttpClient _http;

    public AwsStsClient(LoginHttpClient http) => _http = http;

    public async Task<AwsStsAnswer> AssumeAsync(AwsLoginRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await _http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, request.StsUrl)
        {
            Content = new FormUrlEncodedContent(
            [
                new("Action", "AssumeRoleWithWebIdentity"),
                new("Version", "2011-06-15"),
                new("RoleArn", request.RoleArn),
                new("RoleSessionName", request.SessionName),
                new("WebIdentityToken", request.Token.Value),
            ]),
        }, cancellationToken).ConfigureAwait(false);
        if (outcome.TransportError is { } why)
        {
            return new AwsStsAnswer { TransportError = why };
        }

        XElement? body = null;
        try
        {
            body = XElement.Parse(outcome.Body);
        }
        catch (XmlException)
        {
            // Not STS's XML: said below with the status.
        }

        if (!outcome.Succeeded || body is null)
        {
            var error = body?.Element(Sts + "Error");
            return new AwsStsAnswer
            {
                Error = error is null
                    ? new CloudError(outcome.Status, "InvalidResponse", $"STS answered HTTP {outcome.Status} without an STS error document.")
                    : new CloudError(outcome.Status, error.Element(Sts + "Code")?.Value ?? "?", error.Element(Sts + "Message")?.Value ?? string.Empty),
            };
        }

        var credentials = body.Element(Sts + "AssumeRoleWithWebIdentityResult")?.Element(Sts + "Credentials");
        string? Value(string name) => credentials?.Element(Sts + name)?.Value;
        if (Value("AccessKeyId") is not { } keyId || Value("SecretAccessKey") is not { } secret || Value("SessionToken") is not { } session)
        {
            return new AwsStsAnswer { Error = new CloudError(outcome.Status, "InvalidResponse", "STS answered 200 without Credentials.") };
        }

        return new AwsStsAnswer
        {
            Credentials = new AwsSessionCredentials(keyId, secret, session,
                DateTimeOffset.TryParse(Value("Expiration"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e) ? e : null),
            AssumedRoleArn = body.Descendants(Sts + "AssumedRoleUser").Elements(Sts + "Arn").FirstOrDefault()?.Value,
        };
    }
}

/// <summary>Temporary credentials; all three parts are secrets except the key id.</summary>
public sealed record AwsSessionCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset? Expiration);

public sealed record AwsStsAnswer
{
    public AwsSessionCredentials? Credentials { get; init; }

    public string? AssumedRoleArn { get; init; }

    public CloudError? Error { get; init; }

    public string? TransportError { get; init; }
}
