using System.Text.Json.Nodes;

namespace Keyless.Pull.Http;

/// <summary>
/// Says which permission a 403 is about, in the cloud's own terms: the permission Google's <c>ErrorInfo</c> names, the
/// action and scope in ARM's <c>AuthorizationFailed</c> message, and for Graph and GitLab (whose refusals name none) the
/// permission the call needs. docs/pull.md lists them per pull.
/// </summary>
internal static class PermissionHint
{
    public static string? Permission(string api, string method, JsonNode? body)
    {
        var error = body?["error"];
        if (error?["details"] is JsonArray details)
        {
            foreach (var detail in details)
            {
                if (detail?["metadata"]?["permission"] is JsonValue p && p.TryGetValue<string>(out var permission))
                {
                    return permission;
                }
            }
        }

        if (api == "arm" && error?["message"] is JsonValue m && m.TryGetValue<string>(out var message))
        {
            const string Marker = "perform action '";
            var start = message.IndexOf(Marker, StringComparison.Ordinal);
            var end = start < 0 ? -1 : message.IndexOf('\'', start + Marker.Length);
            if (end > start)
            {
                return message[(start + Marker.Length)..end];
            }
        }

        return Needed(api, method);
    }

    /// <summary>
    /// The IAM action an AWS <c>AccessDenied</c> names ("… is not authorized to perform: iam:GetRole on resource: …",
    /// aws/aws-cdk#27067), else the one the call needs: IAM's actions are named as its API's (<c>iam:ListRoles</c>).
    /// </summary>
    public static string Permission(string api, string action, string? message)
    {
        const string Marker = "perform: ";
        var start = message?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (start >= 0)
        {
            var from = start + Marker.Length;
            var end = message!.IndexOf(' ', from);
            var named = end < 0 ? message[from..] : message[from..end];
            if (named.Contains(':', StringComparison.Ordinal))
            {
                return named;
            }
        }

        return Needed(api, action) ?? "iam:" + action;
    }

    /// <summary>The permission a call needs when the refusal does not say (docs/pull.md, least privilege).</summary>
    public static string? Needed(string api, string method) => (api, method) switch
    {
        ("graph", _) => "Application.Read.All (Microsoft Graph application permission, or the Directory Readers role)",
        ("arm", "identities.list") => "Microsoft.ManagedIdentity/userAssignedIdentities/read",
        ("arm", "federatedIdentityCredentials.list") => "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/read",
        ("arm", _) => "Microsoft.Resources/subscriptions/read",
        ("gitlab", "variables") => "the Maintainer role in the project or group, with a token that has read_api (administrator for instance variables)",
        ("gitlab", _) => "a token with read_api and at least the Reporter role (Maintainer for protected environments)",
        ("aws-iam", _) => "iam:" + method,
        _ => null,
    };
}
