using System.Globalization;
using System.Xml.Linq;
using Keyless.Emulator.Http;
using Keyless.Trust.Evaluation;

namespace Keyless.Emulator.Aws;

/// <summary>
/// STS's Query API answers in XML as AWS writes them (botocore sts-2011-06-15: namespace, the
/// <c>AssumeRoleWithWebIdentityResult</c> wrapper, <c>ResponseMetadata</c>; errors as <c>ErrorResponse</c> with
/// <c>Type</c>, <c>Code</c>, <c>Message</c> and <c>RequestId</c>), so the AWS CLI, boto3 and the .NET SDK parse them unchanged.
/// </summary>
public static class StsXml
{
    public static readonly XNamespace Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    private static readonly IReadOnlyDictionary<string, string> XmlHeaders =
        new Dictionary<string, string> { ["Content-Type"] = "text/xml", ["Cache-Control"] = "no-store" };

    public static EmulatorResponse Error(CloudError error, string requestId)
    {
        ArgumentNullException.ThrowIfNull(error);
        var body = new XElement(Namespace + "ErrorResponse",
            new XElement(Namespace + "Error",
                new XElement(Namespace + "Type", error.HttpStatus >= 500 ? "Receiver" : "Sender"),
                new XElement(Namespace + "Code", error.Error),
                new XElement(Namespace + "Message", error.Description)),
            new XElement(Namespace + "RequestId", requestId));
        return Response(error.HttpStatus, body);
    }

    public static EmulatorResponse AssumeRoleWithWebIdentity(StsCredentials credentials, string requestId)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var body = new XElement(Namespace + "AssumeRoleWithWebIdentityResponse",
            new XElement(Namespace + "AssumeRoleWithWebIdentityResult",
                new XElement(Namespace + "Credentials",
                    new XElement(Namespace + "AccessKeyId", credentials.AccessKeyId),
                    new XElement(Namespace + "SecretAccessKey", credentials.SecretAccessKey),
                    new XElement(Namespace + "SessionToken", credentials.SessionToken),
                    new XElement(Namespace + "Expiration", credentials.Expiration.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))),
                new XElement(Namespace + "SubjectFromWebIdentityToken", credentials.Subject),
                new XElement(Namespace + "AssumedRoleUser",
                    new XElement(Namespace + "AssumedRoleId", credentials.AssumedRoleId),
                    new XElement(Namespace + "Arn", credentials.AssumedRoleArn)),
                new XElement(Namespace + "Provider", credentials.Provider),
                new XElement(Namespace + "Audience", credentials.Audience)),
            new XElement(Namespace + "ResponseMetadata", new XElement(Namespace + "RequestId", requestId)));
        return Response(200, body);
    }

    private static EmulatorResponse Response(int status, XElement body) => new(status, body.ToString(SaveOptions.DisableFormatting), XmlHeaders);
}

/// <summary>What one successful exchange hands out and names (the secret parts exist only in the response).</summary>
public sealed record StsCredentials(
    string AccessKeyId,
    string SecretAccessKey,
    string SessionToken,
    DateTimeOffset Expiration,
    string Subject,
    string AssumedRoleId,
    string AssumedRoleArn,
    string Provider,
    string Audience);
