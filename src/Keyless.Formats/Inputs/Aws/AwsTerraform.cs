using System.Text.Json.Nodes;
using Keyless.Formats.Inputs.Terraform;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs.Aws;

/// <summary>
/// The AWS provider's IAM resources (hashicorp/terraform-provider-aws): <c>aws_iam_openid_connect_provider</c>
/// (<c>url</c>, <c>client_id_list</c>, computed <c>arn</c>), <c>aws_iam_role</c> (<c>assume_role_policy</c>, a JSON
/// string) and <c>data "aws_iam_policy_document"</c> (<c>statement</c> blocks with <c>principals</c> and
/// <c>condition</c>, rendered as <c>json</c>).
/// </summary>
internal static class AwsTerraform
{
    public const string PolicyDocumentType = "aws_iam_policy_document";

    /// <summary>
    /// In a configuration a provider's <c>arn</c> is known only after apply; its URL part is known from <c>url</c>, so
    /// a reference to it resolves to an ARN with an empty account, which matches the provider by URL.
    /// </summary>
    public static JsonObject WithProviderArn(string type, JsonObject attributes)
    {
        if (type != "aws_iam_openid_connect_provider" || attributes.ContainsKey("arn")
            || attributes["url"] is not JsonValue v || !v.TryGetValue<string>(out var url) || url.Contains("${", StringComparison.Ordinal))
        {
            return attributes;
        }

        var copy = (JsonObject)attributes.DeepClone();
        copy["arn"] = AwsArn.OidcProvider(string.Empty, AwsOidcProvider.NormalizeUrl(url));
        return copy;
    }

    public static AwsOidcProvider Provider(TfValues v) => new()
    {
        Url = v.Str("url") is { } url ? AwsOidcProvider.NormalizeUrl(url) : "?",
        Arn = v.Str("arn") is { } arn && AwsArn.Account(arn) is not null ? arn : null,
        ClientIds = v.StrList("client_id_list"),
        TerraformAddress = v.Resource.BaseAddress,
        Unknown = v.UnknownAs(("url", "Url"), ("client_id_list", "ClientIDList")),
        Source = v.Source,
    };

    public static AwsRole Role(TfValues v, Func<string, TerraformResource?> policyDocument)
    {
        var name = v.Str("name") ?? v.Resource.BaseAddress;
        var source = v.Source with { JsonPath = JsonInput.Child(v.Resource.ValuesPath, "assume_role_policy") };
        var role = new AwsRole { Name = name, Arn = v.Str("arn"), TerraformAddress = v.Resource.BaseAddress, Source = source };
        if (v.Str("assume_role_policy") is { } text)
        {
            var (statements, error) = AwsTrustPolicy.ParseText(text);
            return role with { Statements = statements, PolicyError = error };
        }

        // A configuration's reference to a policy document: the document's statements say what its json will hold.
        foreach (var reference in v.ReferencesOf("assume_role_policy"))
        {
            if (policyDocument(reference) is { } data)
            {
                var (statements, error) = AwsTrustPolicy.Parse(Document(new TfValues(data)));
                return role with { Statements = statements, PolicyError = error, Source = new TfValues(data).Source };
            }
        }

        return role with { Unknown = ["assume_role_policy"] };
    }

    /// <summary>The policy a data <c>aws_iam_policy_document</c> renders: its <c>json</c> when known, else its statement blocks.</summary>
    public static JsonNode Document(TfValues data)
    {
        if (data.Str("json") is { } json)
        {
            return JsonValue.Create(json);
        }

        var statements = new JsonArray();
        foreach (var s in data.Blocks("statement"))
        {
            var statement = new JsonObject { ["Effect"] = s.Str("effect") ?? "Allow" };
            if (s.Str("sid") is { Length: > 0 } sid)
            {
                statement["Sid"] = sid;
            }

            var principal = new JsonObject();
            foreach (var p in s.Blocks("principals"))
            {
                var type = p.Str("type") ?? "?";
                var ids = p.IsUnknown("identifiers") ? ["(not known until apply)"] : p.StrList("identifiers");
                principal[type == "*" ? "AWS" : type] = new JsonArray([.. ids.Select(i => (JsonNode)JsonValue.Create(i))]);
            }

            statement["Principal"] = principal;
            statement["Action"] = new JsonArray([.. s.StrList("actions").Select(a => (JsonNode)JsonValue.Create(a))]);
            if (s.Blocks("not_principals").Count > 0)
            {
                statement["NotPrincipal"] = new JsonObject();
            }

            if (s.StrList("not_actions").Count > 0)
            {
                statement["NotAction"] = new JsonArray([.. s.StrList("not_actions").Select(a => (JsonNode)JsonValue.Create(a))]);
            }

            var condition = new JsonObject();
            foreach (var c in s.Blocks("condition"))
            {
                var test = c.Str("test") ?? "?";
                var byKey = condition[test] as JsonObject ?? [];
                condition[test] = byKey;
                byKey[c.Str("variable") ?? "?"] = new JsonArray([.. c.StrList("values").Select(x => (JsonNode)JsonValue.Create(x))]);
            }

            if (condition.Count > 0)
            {
                statement["Condition"] = condition;
            }

            statements.Add((JsonNode)statement);
        }

        return new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements };
    }
}
