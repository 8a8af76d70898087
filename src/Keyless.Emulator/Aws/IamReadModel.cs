using System.Text.Json.Nodes;
using Keyless.Emulator.Reads;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Aws;

/// <summary>
/// What the emulator's IAM serves, from the loaded trust: its roles (trust policy written back as a policy document),
/// its OIDC providers, and the IAM users that own the access keys the inputs name (key metadata only: a trust input
/// never holds a secret key, and IAM's list-access-keys returns none). Values IAM assigns and an input may not carry
/// (role and user ids, an ARN's account, creation dates) are stood in stably, so two pulls diff clean.
/// </summary>
public sealed class IamReadModel
{
    /// <summary>The account when no ARN in the trust names one (AWS's documentation account).</summary>
    public const string DefaultAccount = "123456789012";

    /// <summary>IAM answers every date; inputs such as a Terraform configuration know none.</summary>
    public const string StandInDate = "2025-01-01T00:00:00Z";

    public IamReadModel(TrustSet trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        Account = trust.AwsRoles.Select(r => r.AccountId).Concat(trust.AwsProviders.Select(p => p.AccountId))
            .Concat(trust.AwsRoles.SelectMany(r => r.Statements).SelectMany(s => s.Federated).Select(AwsArn.Account))
            .FirstOrDefault(a => a is not null) ?? DefaultAccount;
        Roles = [.. trust.AwsRoles.Where(r => r.Unknown.Count == 0)
            .DistinctBy(r => r.Name, StringComparer.Ordinal).Select(Role)];
        Providers = [.. trust.AwsProviders.Where(p => p.Unknown.Count == 0)
            .Select(p => new IamProvider(p.Arn ?? AwsArn.OidcProvider(Account, p.Url), p.Url, p.ClientIds))
            .DistinctBy(p => p.Arn, StringComparer.Ordinal)];
        var keys = trust.StaticCredentials.Where(c => c.Kind == StaticCredentialKind.AwsAccessKey).ToList();
        Users = [.. keys.Select(k => k.Owner).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(name => new IamUser(
            name,
            "AIDA" + Base32("user", name, 17),
            $"arn:aws:iam::{Account}:user/{name}",
            [.. keys.Where(k => k.Owner == name).Select(k => new IamAccessKey(
                k.KeyId ?? "AKIA" + Base32("access-key", name + "/" + k.Source, 16),
                k.DisplayName is "Active" or "Inactive" ? k.DisplayName : "Active"))]))];
    }

    public string Account { get; }

    public IReadOnlyList<IamRole> Roles { get; }

    public IReadOnlyList<IamProvider> Providers { get; }

    public IReadOnlyList<IamUser> Users { get; }

    private IamRole Role(AwsRole role)
    {
        var arn = role.Arn ?? $"arn:aws:iam::{Account}:role/{role.Name}";
        var resource = AwsArn.Resource(arn) ?? "role/" + role.Name;
        var path = resource.Length > "role/".Length + role.Name.Length ? resource["role".Length..^role.Name.Length] : "/";
        return new IamRole(role.Name, "AROA" + Base32("role", arn, 17), arn, path, Document(role).ToJsonString());
    }

    /// <summary>
    /// The trust policy as a document again, from the statements the loader read: IAM answers the document, and the
    /// emulator keeps what it was given parsed. Elements Keyless does not model (<c>NotPrincipal</c>, <c>NotAction</c>)
    /// come back as <c>"*"</c>: their presence is what the evaluation reads (the decision becomes indeterminate).
    /// </summary>
    private static JsonObject Document(AwsRole role) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray([.. role.Statements.Select(s =>
        {
            var statement = new JsonObject();
            if (s.Sid is { } sid)
            {
                statement["Sid"] = sid;
            }

            statement["Effect"] = s.IsAllow ? "Allow" : "Deny";
            if (s.AnyPrincipal)
            {
                statement["Principal"] = "*";
            }
            else if (s.Federated.Count > 0)
            {
                statement["Principal"] = new JsonObject { ["Federated"] = OneOrMany(s.Federated) };
            }
            else if (!s.Unmodelled.Contains("NotPrincipal"))
            {
                // A service or account principal: the loader keeps no more than that it is none of the above.
                statement["Principal"] = new JsonObject();
            }

            foreach (var element in s.Unmodelled)
            {
                statement[element] = "*";
            }

            statement["Action"] = OneOrMany(s.Actions);
            if (s.Conditions.Count > 0)
            {
                var block = new JsonObject();
                foreach (var condition in s.Conditions)
                {
                    if (block[condition.Operator] is not JsonObject keys)
                    {
                        keys = [];
                        block[condition.Operator] = keys;
                    }

                    keys[condition.Key] = OneOrMany(condition.Values);
                }

                statement["Condition"] = block;
            }

            return (JsonNode)statement;
        })]),
    };

    private static JsonNode OneOrMany(IReadOnlyList<string> values) =>
        values.Count == 1 ? JsonValue.Create(values[0]) : new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    // IAM's unique ids are upper-case letters and digits 2-7 after a four-letter prefix (AROA roles, AIDA users, AKIA keys).
    private static string Base32(string kind, string name, int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var hex = StableIds.Hex("aws-" + kind, name, 64);
        return string.Concat(Enumerable.Range(0, length).Select(i => Alphabet[Convert.ToInt32(hex.Substring(i * 2, 2), 16) % 32]));
    }
}

/// <summary>One role as IAM lists it; the policy document is JSON text (URL-encoded on the wire).</summary>
public sealed record IamRole(string Name, string RoleId, string Arn, string Path, string PolicyDocument);

/// <summary>One OIDC provider: its ARN, URL (no scheme) and client ids.</summary>
public sealed record IamProvider(string Arn, string Url, IReadOnlyList<string> ClientIds);

/// <summary>An IAM user and its access keys' metadata.</summary>
public sealed record IamUser(string Name, string UserId, string Arn, IReadOnlyList<IamAccessKey> Keys);

public sealed record IamAccessKey(string AccessKeyId, string Status);
