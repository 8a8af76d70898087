using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation.Azure;

/// <summary>A federated credential with its flexible expression parsed once.</summary>
internal sealed class CompiledCredential(AzureFederatedCredential credential)
{
    public AzureFederatedCredential Credential { get; } = credential;

    public FlexibleExpression? Expression { get; } =
        credential.ClaimsMatchingExpression is { } source ? FlexibleExpression.Parse(source) : null;

    /// <summary>Does the token's sub satisfy this credential's subject rule (exact, or the flexible expression)?</summary>
    public bool SubjectMatches(string? sub) => Expression is { } expression
        ? expression.Error is null && expression.Clauses.All(c => c.IsMatch(sub))
        : sub is not null && string.Equals(Credential.Subject, sub, StringComparison.Ordinal);

    public bool SubjectMatchesIgnoringCase(string? sub) => Expression is null && sub is not null
        && string.Equals(Credential.Subject, sub, StringComparison.OrdinalIgnoreCase);

    public string SubjectRule => Expression is { } e ? $"claimsMatchingExpression `{e.Source}`" : $"subject '{Credential.Subject}'";
}
