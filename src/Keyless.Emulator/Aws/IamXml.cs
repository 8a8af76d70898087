using System.Xml.Linq;
using Keyless.Emulator.Http;

namespace Keyless.Emulator.Aws;

/// <summary>
/// IAM's Query API answers in XML as IAM writes them (botocore iam-2010-05-08 service-2.json: <c>protocol: query</c>,
/// xmlNamespace <c>https://iam.amazonaws.com/doc/2010-05-08/</c>, each output under its <c>resultWrapper</c>, lists as
/// <c>member</c> elements), and errors as the <c>ErrorResponse</c> IAM sends (quoted whole in legion-platform/legion#807
/// and nccgroup/Scout2#17: <c>Type</c>, <c>Code</c>, <c>Message</c>, then <c>RequestId</c>).
/// </summary>
public static class IamXml
{
    public static readonly XNamespace Namespace = "https://iam.amazonaws.com/doc/2010-05-08/";

    private static readonly IReadOnlyDictionary<string, string> XmlHeaders = new Dictionary<string, string> { ["Content-Type"] = "text/xml" };

    /// <summary><c>&lt;ActionResponse&gt;&lt;ActionResult&gt;…&lt;/ActionResult&gt;&lt;ResponseMetadata/&gt;</c>.</summary>
    public static EmulatorResponse Result(string action, IEnumerable<XElement> members, string requestId) =>
        Response(200, new XElement(Namespace + (action + "Response"),
            new XElement(Namespace + (action + "Result"), members),
            new XElement(Namespace + "ResponseMetadata", new XElement(Namespace + "RequestId", requestId))));

    public static EmulatorResponse Error(int status, string code, string message, string requestId) =>
        Response(status, new XElement(Namespace + "ErrorResponse",
            new XElement(Namespace + "Error",
                new XElement(Namespace + "Type", status >= 500 ? "Receiver" : "Sender"),
                new XElement(Namespace + "Code", code),
                new XElement(Namespace + "Message", message)),
            new XElement(Namespace + "RequestId", requestId)));

    /// <summary>An element in IAM's namespace; null content is left out, as IAM leaves out members it has no value for.</summary>
    public static XElement? Member(string name, object? content) => content is null ? null : new XElement(Namespace + name, content);

    /// <summary>A list as the Query protocol writes it: the list element holding one <c>member</c> per item.</summary>
    public static XElement List(string name, IEnumerable<object> items) =>
        new(Namespace + name, items.Select(i => new XElement(Namespace + "member", i)));

    private static EmulatorResponse Response(int status, XElement body) => new(status, body.ToString(SaveOptions.DisableFormatting), XmlHeaders);
}
