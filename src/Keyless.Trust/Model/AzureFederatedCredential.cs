namespace Keyless.Trust.Model;

/// <summary>A federated identity credential: exact issuer, subject and one audience, or a flexible expression.</summary>
public sealed record AzureFederatedCredential
{
    public required string Name { get; init; }

    public string? Issuer { get; init; }

    /// <summary>Null for a flexible credential (which has <see cref="ClaimsMatchingExpression"/> instead).</summary>
    public string? Subject { get; init; }

    /// <summary>Exactly one value in a valid credential, although every API carries it as a list.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>The flexible <c>claimsMatchingExpression.value</c>, e.g. <c>claims['sub'] matches '…:ref:*'</c>.</summary>
    public string? ClaimsMatchingExpression { get; init; }

    public required AzureParentRef Parent { get; init; }

    public IReadOnlyList<string> Unknown { get; init; } = [];

    public required SourceRef Source { get; init; }

    public bool IsFlexible => ClaimsMatchingExpression is not null;
}
