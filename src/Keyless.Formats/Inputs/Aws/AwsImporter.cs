using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs.Aws;

/// <summary>
/// The AWS CLI's IAM answers, as <c>aws iam … --output json</c> prints them (botocore's iam-2010-05-08 shapes):
/// <c>get-role</c> (<c>{"Role": {…}}</c>), <c>list-roles</c> (<c>{"Roles": […]}</c>) and
/// <c>get-open-id-connect-provider</c> (<c>{"Url", "ClientIDList", "ThumbprintList", …}</c>, which carries no ARN);
/// and a bare trust policy document, the file <c>aws iam create-role --assume-role-policy-document file://…</c> reads
/// (GitLab's own AWS guide gives the trust as such a document), as the role named by the file.
/// </summary>
internal static class AwsImporter
{
    public static bool IsRole(JsonObject o) =>
        o["RoleName"] is JsonValue && o["Arn"] is JsonValue && o.ContainsKey("RoleId");

    public static bool IsInput(JsonObject o) =>
        (o["Role"] is JsonObject role && IsRole(role))
        || (o["Roles"] is JsonArray roles && roles.All(r => r is JsonObject ro && IsRole(ro)))
        || IsProvider(o)
        || (o["OpenIDConnectProviderList"] is JsonArray)
        || (o["AccessKeyMetadata"] is JsonArray)
        || IsTrustPolicy(o);

    // A policy document whose statements name a principal: a trust policy (a permissions policy names none).
    private static bool IsTrustPolicy(JsonObject o) =>
        o["Version"] is JsonValue && o["Statement"] switch
        {
            JsonArray statements => statements.Any(s => s is JsonObject so && HasPrincipal(so)),
            JsonObject statement => HasPrincipal(statement),
            _ => false,
        };

    private static bool HasPrincipal(JsonObject statement) => statement.ContainsKey("Principal") || statement.ContainsKey("NotPrincipal");

    public static bool IsProvider(JsonObject o) => o["Url"] is JsonValue && o["ClientIDList"] is JsonArray;

    public static void Import(JsonInput input, JsonObject o, TrustBuilder builder, InputContext context)
    {
        if (o["Role"] is JsonObject role)
        {
            Role(input, role, "$.Role", builder);
        }
        else if (o["Roles"] is JsonArray roles)
        {
            for (var i = 0; i < roles.Count; i++)
            {
                Role(input, input.Object(roles[i], $"$.Roles[{i}]"), $"$.Roles[{i}]", builder);
            }

            // A page keyless pull wrote says in the manifest where the list goes on; only a lone page is one of more.
            if (o["IsTruncated"] is JsonValue t && t.TryGetValue<bool>(out var truncated) && truncated
                && !(context.NextPage is { } next && File.Exists(next)))
            {
                builder.Notes.Add($"{input.File}: list-roles says IsTruncated; roles on the following pages are only read if those pages are given too.");
            }
        }
        else if (o["OpenIDConnectProviderList"] is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"$.OpenIDConnectProviderList[{i}]";
                var arn = input.RequireStr(input.Object(list[i], path), "Arn", path);
                builder.AwsProviders.Add(new AwsOidcProvider
                {
                    Url = AwsArn.OidcProviderUrl(arn) ?? throw input.Error(path, $"'{arn}' is no oidc-provider ARN"),
                    Arn = arn,
                    Unknown = ["ClientIDList (list-open-id-connect-providers gives ARNs only; get-open-id-connect-provider gives the audiences)"],
                    Source = input.Ref(path),
                });
            }
        }
        else if (o["AccessKeyMetadata"] is JsonArray)
        {
            // Static keys, not trust: StaticCredentialImporter reads them with the other keys once every file is parsed.
        }
        else if (IsTrustPolicy(o))
        {
            // The document holds no role name: the file's name stands for it, as the file given to create-role.
            var (statements, error) = AwsTrustPolicy.Parse(o);
            builder.AwsRoles.Add(new AwsRole
            {
                Name = Path.GetFileNameWithoutExtension(input.File),
                Statements = statements,
                PolicyError = error,
                Source = input.Ref("$"),
            });
        }
        else
        {
            builder.AwsProviders.Add(new AwsOidcProvider
            {
                Url = AwsOidcProvider.NormalizeUrl(input.RequireStr(o, "Url", "$")),
                ClientIds = input.StrList(o, "ClientIDList", "$"),
                Source = input.Ref("$"),
            });
        }
    }

    private static void Role(JsonInput input, JsonObject role, string path, TrustBuilder builder)
    {
        // The CLI decodes the API's URL-encoded policy into an object; a raw API answer keeps the encoded string.
        var (statements, error) = AwsTrustPolicy.Parse(role["AssumeRolePolicyDocument"]);
        builder.AwsRoles.Add(new AwsRole
        {
            Name = input.RequireStr(role, "RoleName", path),
            Arn = input.Str(role, "Arn", path),
            Statements = statements,
            PolicyError = error,
            Source = input.Ref(path + ".AssumeRolePolicyDocument"),
        });
    }
}
