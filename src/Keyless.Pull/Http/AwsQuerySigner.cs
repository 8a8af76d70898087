using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace Keyless.Pull.Http;

/// <summary>
/// A Query API request (<c>POST</c> of a form, as botocore's <c>query</c> protocol sends IAM's), signed with Signature
/// Version 4: the canonical request is built here from exactly the headers sent (AWS's SigV4 guide: method, path, empty
/// query, sorted lower-case headers, signed header list, SHA-256 of the body), and AWSSDK.Core's signer derives the key
/// and signs it. IAM is global and signs in <c>us-east-1</c>.
/// </summary>
internal static class AwsQuerySigner
{
    public const string Region = "us-east-1";

    private const string FormType = "application/x-www-form-urlencoded; charset=utf-8";

    public static HttpRequestMessage Build(Uri endpoint, string service, IReadOnlyList<KeyValuePair<string, string>> form, ImmutableCredentials credentials, DateTime now)
    {
        var body = string.Join('&', form.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var host = endpoint.IsDefaultPort ? endpoint.Host : endpoint.Host + ":" + endpoint.Port.ToString(CultureInfo.InvariantCulture);
        var date = now.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = FormType,
            ["host"] = host,
            ["x-amz-date"] = date,
        };
        if (credentials.UseToken)
        {
            headers["x-amz-security-token"] = credentials.Token;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = new StringBuilder()
            .Append("POST\n")
            .Append(endpoint.AbsolutePath).Append('\n')
            .Append('\n')
            .Append(string.Concat(headers.Select(h => h.Key + ":" + h.Value + "\n"))).Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))))
            .ToString();
        var signature = AWS4Signer.ComputeSignature(credentials, Region, now.ToUniversalTime(), service, signedHeaders, canonical);

        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(FormType);
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("X-Amz-Date", date);
        if (credentials.UseToken)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        }

        // "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…": the scheme, then its parameters as one value.
        var header = signature.ForAuthorizationHeader;
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        request.Headers.Authorization = new AuthenticationHeaderValue(header[..space], header[(space + 1)..]);
        return request;
    }
}
