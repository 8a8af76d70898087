namespace Keyless.Trust.Model;

/// <summary>One statement of a trust policy, as IAM reads it (every string-or-list element already a list).</summary>
public sealed record AwsPolicyStatement
{
    public string? Sid { get; init; }

    public required bool IsAllow { get; init; }

    /// <summary><c>Principal.Federated</c>: provider ARNs (or <c>cognito-identity.amazonaws.com</c> and the like).</summary>
    public IReadOnlyList<string> Federated { get; init; } = [];

    /// <summary><c>"Principal": "*"</c> or <c>{"AWS": "*"}</c>: every principal, a federated one included.</summary>
    public bool AnyPrincipal { get; init; }

    public IReadOnlyList<string> Actions { get; init; } = [];

    public IReadOnlyList<AwsCondition> Conditions { get; init; } = [];

    /// <summary>Elements Keyless does not evaluate (<c>NotPrincipal</c>, <c>NotAction</c>): the decision becomes indeterminate.</summary>
    public IReadOnlyList<string> Unmodelled { get; init; } = [];

    /// <summary>The JSON path of the statement inside its policy (<c>Statement[0]</c>), for reasons.</summary>
    public required string Path { get; init; }

    public string Describe() => (Sid is { Length: > 0 } sid ? $"statement '{sid}'" : $"statement {Path}") + (IsAllow ? " (Allow)" : " (Deny)");
}
