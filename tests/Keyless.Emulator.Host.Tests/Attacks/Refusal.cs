using System.Text.Json.Nodes;

namespace Keyless.Emulator.Host.Tests.Attacks;

/// <summary>
/// The answer a cloud gives a forged token: HTTP status, OAuth <c>error</c> and <c>error_description</c>, where
/// <c>*</c> in the description stands for the values the cloud fills in (epochs, the token's own claims, Entra's
/// trace ids). Texts are the clouds' own (cloud-semantics A9, B5). Status 0 or error "*" accept any 4xx or any
/// error, for shapes where the cloud's exact words are not known but a refusal is.
/// </summary>
public sealed record Refusal(int Status, string Error, string Description)
{
    public bool Matches(int status, JsonObject body) =>
        (Status == 0 ? status is >= 400 and < 500 : status == Status)
        && (Error == "*" || body["error"]?.GetValue<string>() == Error)
        && body["error_description"]?.GetValue<string>() is { } description
        && Wildcard(Description, description);

    public override string ToString() => $"{Status} {Error}: {Description}";

    // '*' matches any run of characters; hand-written so a description can never make the check slow.
    private static bool Wildcard(string pattern, string text)
    {
        var parts = pattern.Split('*');
        if (!text.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }

        var at = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            if (i == parts.Length - 1)
            {
                return text.Length - at >= parts[i].Length && text.EndsWith(parts[i], StringComparison.Ordinal);
            }

            var found = text.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + parts[i].Length;
        }

        return at == text.Length;
    }
}

/// <summary>The clouds' refusals the attack cases expect.</summary>
public static class Refusals
{
    public static readonly Refusal StsSignature = new(400, "invalid_grant", "Unable to verify the ID Token signature.");
    public static readonly Refusal StsIssuerKeys = new(400, "invalid_grant", "Error connecting to the given credential's issuer.");
    public static readonly Refusal StsUnparsable = new(400, "invalid_grant", "Unable to parse the ID Token.*");
    public static readonly Refusal StsStale = new(400, "invalid_grant", "ID Token issued at * is stale to sign-in.");
    public static readonly Refusal StsIssuer = new(400, "invalid_grant", "The issuer in ID Token * does not match the expected ones: *");
    public static readonly Refusal StsAudience = new(400, "invalid_grant", "The audience in ID Token [*] does not match the expected audience.");
    public static readonly Refusal StsSubjectType = new(400, "unauthorized_client", "The mapped attribute 'google.subject' must be of type STRING.");
    public static readonly Refusal StsCondition = new(400, "unauthorized_client", "The given credential is rejected by the attribute condition.");
    public static readonly Refusal StsProjectIdType = new(400, "unauthorized_client", "The mapped attribute 'attribute.project_id' must be of type STRING.");

    /// <summary>STS's wording for an <c>aud</c> that is neither a string nor a list of strings is not known; invalid_grant is.</summary>
    public static readonly Refusal StsInvalidGrant = new(400, "invalid_grant", "*");

    public static readonly Refusal EntraSignature = new(401, "invalid_client", "AADSTS700027: Client assertion failed signature validation.*");
    public static readonly Refusal EntraUnknownKey = new(401, "invalid_client", "AADSTS7000272: The certificate with identifier * used to sign the federated credential could not be found in the metadata of identity provider *");
    public static readonly Refusal EntraMalformed = new(400, "invalid_request", "AADSTS50027: JWT token is invalid or malformed.*");
    public static readonly Refusal EntraTime = new(400, "invalid_client", "AADSTS700024: Client assertion is not within its valid time range.*");
    public static readonly Refusal EntraIssuer = new(400, "invalid_client", "AADSTS700211: No matching federated identity record found for presented assertion issuer *");
    public static readonly Refusal EntraAudience = new(400, "invalid_client", "AADSTS700212: No matching federated identity record found for presented assertion audience *");
    /// <summary>Any AADSTS refusal, where Entra's code for the shape is not known (cloud-semantics B5 lists none).</summary>
    public static readonly Refusal EntraAny = new(0, "*", "AADSTS*");
    public static readonly Refusal EntraSubject = new(400, "invalid_client", "AADSTS700213: No matching federated identity record found for presented assertion subject *");
}
