using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation;

/// <summary>STS's answer to <c>AssumeRoleWithWebIdentity</c> for one role and one token.</summary>
public sealed record AwsAssumeRoleResult(AwsRole Role, CloudError? Error, IReadOnlyList<string> Reasons)
{
    public bool Succeeded => Statement is not null && !Indeterminate;

    /// <summary>The Allow statement that admitted the token (on success).</summary>
    public AwsPolicyStatement? Statement { get; init; }

    /// <summary>The provider STS found for the token's issuer.</summary>
    public AwsOidcProvider? Provider { get; init; }

    public TrustCheck? FailedCheck { get; init; }

    public bool Indeterminate { get; init; }
}
