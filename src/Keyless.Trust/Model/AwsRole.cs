namespace Keyless.Trust.Model;

/// <summary>An IAM role and its trust policy (<c>AssumeRolePolicyDocument</c>, <c>assume_role_policy</c>).</summary>
public sealed record AwsRole
{
    public required string Name { get; init; }

    public string? Arn { get; init; }

    /// <summary>The trust policy's statements, in document order.</summary>
    public IReadOnlyList<AwsPolicyStatement> Statements { get; init; } = [];

    /// <summary>Why the trust policy could not be read (IAM would have refused it); null when it was read.</summary>
    public string? PolicyError { get; init; }

    public string? TerraformAddress { get; init; }

    /// <summary>Attributes not known until apply (a plan's unknown trust policy).</summary>
    public IReadOnlyList<string> Unknown { get; init; } = [];

    public required SourceRef Source { get; init; }

    public string? AccountId => AwsArn.Account(Arn);

    /// <summary>How explain and audit name it: <c>role 'gitlab-deploy' (arn:…)</c>.</summary>
    public string DisplayName => $"role '{Name}'" + (Arn is null ? string.Empty : $" ({Arn})");

    /// <summary>Whether any statement names a federated principal (the roles a GitLab token could reach).</summary>
    public bool TrustsFederation => Unknown.Count > 0 || PolicyError is not null
        || Statements.Any(s => s.Federated.Count > 0 || s.AnyPrincipal);
}
