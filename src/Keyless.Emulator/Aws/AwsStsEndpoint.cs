using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Keyless.Emulator.Http;
using Keyless.Emulator.Logging;
using Keyless.Emulator.Verification;
using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation;
using Keyless.Trust.Evaluation.Aws;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Aws;

/// <summary>
/// STS <c>AssumeRoleWithWebIdentity</c> at the emulator's root, as AWS serves it (<c>POST /</c>, form-encoded
/// <c>Action</c>, <c>Version</c>, <c>RoleArn</c>, <c>RoleSessionName</c>, <c>WebIdentityToken</c>,
/// <c>DurationSeconds</c>). The role is looked up by ARN, the provider by the token's issuer, the signature checked
/// against the issuer's keys, and the rest is <see cref="AwsEvaluator"/>'s; the answer is STS's XML.
/// </summary>
public sealed class AwsStsEndpoint
{
    public const string Action = "AssumeRoleWithWebIdentity";

    /// <summary>STS's default session length, and the bounds of <c>DurationSeconds</c> (a role's maximum is 1 h unless raised; Keyless does not read it).</summary>
    private const int DefaultDuration = 3600;
    private const int MinDuration = 900;
    private const int MaxDuration = 43_200;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private readonly AwsEvaluator _evaluator;
    private readonly IssuerKeys _keys;
    private readonly DecisionLog _log;
    private readonly TimeProvider _time;
    private readonly Action<string, DateTimeOffset>? _issued;

    // `issued` is told each access key id handed out and its expiry, so the emulator's IAM takes the key as AWS's IAM
    // takes a session key from STS (a job that logged in reads with it).
    public AwsStsEndpoint(AwsEvaluator evaluator, IssuerKeys keys, DecisionLog log, TimeProvider time, Action<string, DateTimeOffset>? issued = null)
    {
        _evaluator = evaluator;
        _keys = keys;
        _log = log;
        _time = time;
        _issued = issued;
    }

    /// <summary>Whether a POST at the root is an STS query (its form names an Action).</summary>
    public static bool IsQuery(EmulatorRequest request) =>
        request.Body.Contains("Action=", StringComparison.Ordinal) || request.Query.ContainsKey("Action");

    public async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestId = Guid.NewGuid().ToString();
        var (fields, parseError) = FormBody.ParseForm(request.Body);
        if (fields is null)
        {
            return Deny(null, new CloudError(400, "MalformedQueryString", $"{parseError} (emulator)"), requestId, []);
        }

        string? Field(string name) => fields.TryGetValue(name, out var v) && v.Length > 0 ? v : request.Query.GetValueOrDefault(name);
        if (Field("Action") != Action)
        {
            return Deny(null, new CloudError(400, "InvalidAction", $"Could not find operation {Field("Action")} for version {Field("Version")}"), requestId, []);
        }

        foreach (var name in new[] { "RoleArn", "RoleSessionName", "WebIdentityToken" })
        {
            if (Field(name) is null)
            {
                return Deny(null, new CloudError(400, "MissingParameter", $"The request must contain the parameter {name}"), requestId, []);
            }
        }

        var duration = DefaultDuration;
        if (Field("DurationSeconds") is { } text && (!int.TryParse(text, out duration) || duration < MinDuration || duration > MaxDuration))
        {
            return Deny(null, new CloudError(400, "ValidationError",
                $"1 validation error detected: Value '{text}' at 'durationSeconds' failed to satisfy constraint: Member must have value between {MinDuration} and {MaxDuration}"), requestId, []);
        }

        return await ExchangeAsync(Field("RoleArn")!, Field("RoleSessionName")!, Field("WebIdentityToken")!, duration, requestId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<EmulatorResponse> ExchangeAsync(string roleArn, string session, string token, int duration, string requestId, CancellationToken cancellationToken)
    {
        var read = JwtVerifier.Read(token);
        if (!read.IsValid)
        {
            return Deny(roleArn, new CloudError(400, StsErrors.InvalidIdentityToken, "The web identity token could not be read as a JWT. (emulator)"), requestId,
                ["The web identity token was not accepted: " + read.Reason + "."]);
        }

        var claims = TokenClaims.FromJwtPayload(read.Claims!);

        // A role that does not exist is refused as one that does not trust the token: STS does not say which.
        if (_evaluator.RoleFor(roleArn) is not { } role)
        {
            return Deny(roleArn, StsErrors.NotAuthorized, requestId, [$"No role with ARN {roleArn} is in the trust inputs."]);
        }

        var result = _evaluator.AssumeRole(role, claims);
        if (result.FailedCheck == TrustCheck.Issuer && result.Error is not null)
        {
            return Deny(role.DisplayName, result.Error, requestId, result.Reasons);
        }

        var iss = claims.GetString(GitLabClaimNames.Issuer);
        var keys = await _keys.ForIssuerAsync(iss, null, cancellationToken).ConfigureAwait(false);
        var signature = keys.Error is not null ? JwtVerification.Fail(JwtFailure.IssuerKeysUnavailable, keys.Error) : JwtVerifier.Verify(token, read, keys.Keys);
        if (!signature.IsValid)
        {
            var error = signature.Failure is JwtFailure.UnknownKeyId or JwtFailure.IssuerKeysUnavailable
                ? StsErrors.VerificationKey
                : new CloudError(400, StsErrors.InvalidIdentityToken, "The web identity token's signature does not verify. (emulator)");
            return Deny(role.DisplayName, error, requestId, ["The web identity token was not accepted: " + signature.Reason + "."]);
        }

        if (!result.Succeeded)
        {
            return Deny(role.DisplayName, result.Error ?? new CloudError(403, StsErrors.AccessDenied, "The trust policy could not be evaluated. (emulator)"), requestId, result.Reasons);
        }

        var now = _time.GetUtcNow();
        var account = role.AccountId ?? AwsArn.Account(roleArn) ?? "000000000000";
        var roleId = "AROA" + Random(17);
        var credentials = new StsCredentials(
            "ASIA" + Random(16),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)),
            now.AddSeconds(duration),
            claims.GetString(GitLabClaimNames.Subject) ?? string.Empty,
            $"{roleId}:{session}",
            $"arn:aws:sts::{account}:assumed-role/{role.Name}/{session}",
            iss ?? string.Empty,
            claims.Audiences.Count > 0 ? claims.Audiences[0] : string.Empty);
        _issued?.Invoke(credentials.AccessKeyId, credentials.Expiration);
        _log.Write(new Decision(now, "aws.sts", true, role.DisplayName, null, null, result.Reasons));
        return StsXml.AssumeRoleWithWebIdentity(credentials, requestId);
    }

    private EmulatorResponse Deny(string? identity, CloudError error, string requestId, IReadOnlyList<string> reasons)
    {
        _log.Write(new Decision(_time.GetUtcNow(), "aws.sts", false, identity, error.Error, error.Description, reasons));
        return StsXml.Error(error, requestId);
    }

    // Key ids in AWS's base-32 alphabet; generated, never stored.
    private static string Random(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        return string.Create(length, bytes, (span, b) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[b[i] % Alphabet.Length];
            }
        });
    }
}
