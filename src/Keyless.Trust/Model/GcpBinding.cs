namespace Keyless.Trust.Model;

/// <summary>One role granted to one member on a service account or a project.</summary>
public sealed record GcpBinding
{
    public required GcpBindingTarget Target { get; init; }

    public required string Role { get; init; }

    /// <summary>The member string as written (<c>principalSet://…</c>, <c>serviceAccount:…</c>), or null when unknown.</summary>
    public required string? Member { get; init; }

    /// <summary>True when the pool part of <see cref="Member"/> came from a Terraform reference, so a project id there
    /// stands for the number Terraform will fill in.</summary>
    public bool MemberFromReference { get; init; }

    /// <summary>An IAM condition on the binding (CEL over the request), which Keyless does not evaluate.</summary>
    public string? ConditionExpression { get; init; }

    public IReadOnlyList<string> Unknown { get; init; } = [];

    public required SourceRef Source { get; init; }

    public bool GrantsImpersonation => GcpRoles.Impersonation.Contains(Role);
}
