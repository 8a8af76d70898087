using System.Globalization;
using System.Xml.Linq;
using Keyless.Emulator.Http;
using Keyless.Emulator.Reads;

namespace Keyless.Emulator.Aws;

/// <summary>
/// IAM's Query API reads at the emulator's root, beside STS, as AWS serves IAM at the root of
/// <c>https://iam.amazonaws.com/</c>: <c>POST /</c> with a form naming <c>Action</c> (botocore iam-2010-05-08:
/// <c>ListRoles</c>, <c>GetRole</c>, <c>ListOpenIDConnectProviders</c>, <c>GetOpenIDConnectProvider</c>,
/// <c>ListUsers</c>, <c>ListAccessKeys</c>). Lists page with <c>Marker</c> / <c>MaxItems</c> (default 100, at most 1000)
/// and answer <c>IsTruncated</c> and the next <c>Marker</c>; a role's <c>AssumeRolePolicyDocument</c> is URL-encoded, as
/// IAM returns it. The request must be SigV4-signed with an access key the emulator handed out, from its reader
/// endpoint or its STS (the key id is checked, not the signature). A played fault matches <c>/?Action=NAME</c>.
/// </summary>
public sealed class IamQueryApi : ReadApi
{
    /// <summary>The read actions served; any other Action at the root is STS's.</summary>
    public static readonly IReadOnlySet<string> Actions = new HashSet<string>(StringComparer.Ordinal)
    {
        "ListRoles", "GetRole", "ListOpenIDConnectProviders", "GetOpenIDConnectProvider", "ListUsers", "ListAccessKeys",
    };

    private const int DefaultPage = 100;
    private const int MaxPage = 1000;

    private readonly IamReadModel _model;
    private readonly ReaderCredentials _readers;
    private readonly int? _pageCap;

    public IamQueryApi(IamReadModel model, ReaderCredentials readers, int? pageCap)
    {
        _model = model;
        _readers = readers;
        _pageCap = pageCap;
    }

    public override string Name => "iam";

    public override bool Serves(EmulatorRequest request) =>
        request.Method == "POST" && request.Path == "/" && ActionOf(request) is { } action && Actions.Contains(action);

    public override string FaultPath(EmulatorRequest request) => "/?Action=" + ActionOf(request);

    /// <summary>
    /// A played fault as IAM sends it: throttling is HTTP 400 <c>Throttling</c> "Rate exceeded" (legion-platform/legion#807),
    /// a refusal 403 <c>AccessDenied</c> naming the action as IAM does ("User: … is not authorized to perform: iam:GetRole on
    /// resource: … because no identity-based policy allows the iam:GetRole action", aws/aws-cdk#27067), an expired
    /// credential 403 <c>ExpiredToken</c>, 5xx <c>ServiceFailure</c> (the model's only server error).
    /// </summary>
    public override EmulatorResponse Refusal(int status, EmulatorRequest request)
    {
        var action = ActionOf(request) ?? "?";
        var id = Guid.NewGuid().ToString();
        return status switch
        {
            429 => IamXml.Error(400, "Throttling", "Rate exceeded", id),
            401 => IamXml.Error(403, "ExpiredToken", "The security token included in the request is expired", id),
            403 => IamXml.Error(403, "AccessDenied",
                $"User: arn:aws:iam::{_model.Account}:user/keyless-reader is not authorized to perform: iam:{action} on resource: arn:aws:iam::{_model.Account}:{Resource(action)} "
                + $"because no identity-based policy allows the iam:{action} action", id),
            404 => IamXml.Error(404, "NoSuchEntity", "The entity cannot be found. (emulator)", id),
            >= 500 => IamXml.Error(status, "ServiceFailure", "The request processing has failed because of an unknown error, exception or failure. (emulator)", id),
            _ => IamXml.Error(status, "InvalidInput", $"The request failed with HTTP {status.ToString(CultureInfo.InvariantCulture)}. (emulator)", id),
        };
    }

    public override Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Guid.NewGuid().ToString();
        var (fields, error) = FormBody.ParseForm(request.Body);
        if (fields is null)
        {
            return Task.FromResult(IamXml.Error(400, "MalformedQueryString", error + " (emulator)", id));
        }

        if (KeyId(request.Authorization) is not { } key)
        {
            return Task.FromResult(IamXml.Error(403, "MissingAuthenticationToken", "Request is missing Authentication Token", id));
        }

        if (!_readers.IsLiveAwsKey(key))
        {
            return Task.FromResult(IamXml.Error(403, "InvalidClientTokenId", "The security token included in the request is invalid.", id));
        }

        string? Field(string name) => fields.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        var action = Field("Action")!;
        return Task.FromResult(action switch
        {
            "ListRoles" => Page(action, "Roles", _model.Roles, Role, fields, id),
            "GetRole" => Field("RoleName") is not { } name ? Missing("roleName", id)
                : _model.Roles.FirstOrDefault(r => r.Name == name) is { } role
                    ? IamXml.Result(action, [new XElement(IamXml.Namespace + "Role", Role(role))], id)
                    : IamXml.Error(404, "NoSuchEntity", $"The role with name {name} cannot be found.", id),
            "ListOpenIDConnectProviders" => IamXml.Result(action,
                [IamXml.List("OpenIDConnectProviderList", _model.Providers.Select(p => IamXml.Member("Arn", p.Arn)!))], id),
            "GetOpenIDConnectProvider" => Field("OpenIDConnectProviderArn") is not { } arn ? Missing("openIDConnectProviderArn", id)
                : _model.Providers.FirstOrDefault(p => p.Arn == arn) is { } provider
                    ? IamXml.Result(action, Provider(provider), id)
                    : IamXml.Error(404, "NoSuchEntity", $"OpenIDConnect Provider not found for arn {arn} (emulator)", id),
            "ListUsers" => Page(action, "Users", _model.Users, User, fields, id),
            _ => AccessKeys(Field("UserName"), fields, id),
        });
    }

    private EmulatorResponse Page<T>(string action, string member, IReadOnlyList<T> all, Func<T, IEnumerable<XElement?>> render,
                                     IReadOnlyDictionary<string, string> fields, string id)
    {
        var offset = PageToken.Decode(fields.GetValueOrDefault("Marker"));
        if (offset is null)
        {
            return IamXml.Error(400, "InvalidInput", "Invalid Marker. (emulator)", id);
        }

        var size = PageToken.Size(fields.GetValueOrDefault("MaxItems"), DefaultPage, MaxPage, _pageCap);
        var page = all.Skip(offset.Value).Take(size).ToList();
        var next = offset.Value + page.Count;
        var truncated = next < all.Count;
        return IamXml.Result(action,
        [
            IamXml.List(member, page.Select(item => (object)render(item).OfType<XElement>().ToArray())),
            IamXml.Member("IsTruncated", truncated ? "true" : "false")!,
            .. truncated ? [IamXml.Member("Marker", PageToken.Encode(next))!] : Array.Empty<XElement>(),
        ], id);
    }

    // Without UserName IAM lists the caller's own keys; the emulator's reader is no IAM user and has none.
    private EmulatorResponse AccessKeys(string? user, IReadOnlyDictionary<string, string> fields, string id)
    {
        if (user is null)
        {
            return Page("ListAccessKeys", "AccessKeyMetadata", Array.Empty<IamAccessKey>(), k => AccessKey(string.Empty, k), fields, id);
        }

        return _model.Users.FirstOrDefault(u => u.Name == user) is { } owner
            ? Page("ListAccessKeys", "AccessKeyMetadata", owner.Keys, k => AccessKey(owner.Name, k), fields, id)
            : IamXml.Error(404, "NoSuchEntity", $"The user with name {user} cannot be found.", id);
    }

    // Member order as botocore's Role, User and AccessKeyMetadata shapes list them.
    private static IEnumerable<XElement?> Role(IamRole role) =>
    [
        IamXml.Member("Path", role.Path),
        IamXml.Member("RoleName", role.Name),
        IamXml.Member("RoleId", role.RoleId),
        IamXml.Member("Arn", role.Arn),
        IamXml.Member("CreateDate", IamReadModel.StandInDate),
        IamXml.Member("AssumeRolePolicyDocument", Uri.EscapeDataString(role.PolicyDocument)),
        IamXml.Member("MaxSessionDuration", "3600"),
    ];

    private static IEnumerable<XElement> Provider(IamProvider provider) =>
    [
        IamXml.Member("Url", provider.Url)!,
        IamXml.List("ClientIDList", provider.ClientIds),
        IamXml.List("ThumbprintList", []),
        IamXml.Member("CreateDate", IamReadModel.StandInDate)!,
        IamXml.List("Tags", []),
    ];

    private static IEnumerable<XElement?> User(IamUser user) =>
    [
        IamXml.Member("Path", "/"),
        IamXml.Member("UserName", user.Name),
        IamXml.Member("UserId", user.UserId),
        IamXml.Member("Arn", user.Arn),
        IamXml.Member("CreateDate", IamReadModel.StandInDate),
    ];

    private static IEnumerable<XElement?> AccessKey(string user, IamAccessKey key) =>
    [
        IamXml.Member("UserName", user),
        IamXml.Member("AccessKeyId", key.AccessKeyId),
        IamXml.Member("Status", key.Status),
        IamXml.Member("CreateDate", IamReadModel.StandInDate),
    ];

    // The words of AWS's validation errors ("1 validation error detected: Value null at 'roleName' …").
    private static EmulatorResponse Missing(string member, string id) =>
        IamXml.Error(400, "ValidationError", $"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null", id);

    private static string Resource(string action) => action switch
    {
        "ListRoles" or "GetRole" => "role/",
        "ListUsers" or "ListAccessKeys" => "user/",
        _ => "oidc-provider/*",
    };

    private static string? ActionOf(EmulatorRequest request)
    {
        var (fields, _) = FormBody.ParseForm(request.Body);
        return fields?.GetValueOrDefault("Action") ?? request.Query.GetValueOrDefault("Action");
    }

    /// <summary>The access key id of a SigV4 <c>Authorization</c> header (<c>AWS4-HMAC-SHA256 Credential=KEY/DATE/…</c>).</summary>
    private static string? KeyId(string? authorization)
    {
        const string Marker = "Credential=";
        if (authorization is null || !authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return null;
        }

        var start = authorization.IndexOf(Marker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : authorization.IndexOf('/', start);
        return end > start ? authorization[(start + Marker.Length)..end] : null;
    }
}
