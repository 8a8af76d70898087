using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keyless.Plan.Design;

/// <summary>
/// A role's trust policy as IAM reads it (IAM JSON policy reference: Version, Statement, Effect, Principal, Action,
/// Condition): one Allow statement per subject, each naming the provider as <c>Principal.Federated</c>, the one action
/// STS checks for a web identity, and <c>StringEquals</c> on the provider's <c>aud</c> and on that exact <c>sub</c>.
/// One statement per subject rather than one list of subjects: each statement then reads as one ref, and every sub it
/// admits is a literal the audit's red team instantiates.
/// </summary>
public static class AwsTrustDocument
{
    public const string Version = "2012-10-17";
    public const string Action = "sts:AssumeRoleWithWebIdentity";
    public const string Operator = "StringEquals";

    private static readonly JsonSerializerOptions Minified = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Build(AwsDesign aws, IReadOnlyList<SubjectDesign> subjects) => new()
    {
        ["Version"] = Version,
        ["Statement"] = new JsonArray([.. subjects.Select(s => (JsonNode)Statement(aws, s.Subject))]),
    };

    /// <summary>The policy as one line of JSON, the form the CLI passes and the size quota counts.</summary>
    public static string Json(AwsDesign aws, IReadOnlyList<SubjectDesign> subjects) => Build(aws, subjects).ToJsonString(Minified);

    /// <summary>IAM counts a trust policy's size in non-whitespace characters (GetAccountSummary, AssumeRolePolicySizeQuota).</summary>
    public static int Size(string policy) => policy.Count(c => !char.IsWhiteSpace(c));

    private static JsonObject Statement(AwsDesign aws, string subject) => new()
    {
        ["Effect"] = "Allow",
        ["Principal"] = new JsonObject { ["Federated"] = aws.ProviderArn },
        ["Action"] = Action,
        ["Condition"] = new JsonObject
        {
            [Operator] = new JsonObject { [aws.AudienceKey] = aws.Audience, [aws.SubjectKey] = subject },
        },
    };
}
