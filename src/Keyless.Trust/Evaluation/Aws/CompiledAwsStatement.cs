using Keyless.Trust.Evaluation.Azure;
using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation.Aws;

/// <summary>A trust policy statement with its conditions and action patterns compiled once per TrustSet.</summary>
public sealed class CompiledAwsStatement
{
    public const string WebIdentityAction = "sts:AssumeRoleWithWebIdentity";

    public CompiledAwsStatement(AwsPolicyStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        Statement = statement;
        Conditions = [.. statement.Conditions.Select(c => new CompiledAwsCondition(c))];

        // Action names are case-insensitive in IAM; wildcards match as in StringLike.
        CoversWebIdentity = statement.Actions.Any(a => new WildcardPattern(a.ToLowerInvariant()).IsMatch(WebIdentityAction.ToLowerInvariant()));
    }

    public AwsPolicyStatement Statement { get; }

    public CompiledAwsCondition[] Conditions { get; }

    public bool CoversWebIdentity { get; }

    /// <summary>Whether the statement names the provider (by ARN, or by URL when the provider's account is not known).</summary>
    public bool NamesProvider(AwsOidcProvider provider, string? roleAccount)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (Statement.AnyPrincipal)
        {
            return true;
        }

        foreach (var federated in Statement.Federated)
        {
            if (provider.Arn is { } arn ? string.Equals(federated, arn, StringComparison.Ordinal)
                : string.Equals(AwsArn.OidcProviderUrl(federated), provider.Url, StringComparison.Ordinal)
                  && (roleAccount is null || AwsArn.Account(federated) is not { } account || account == roleAccount))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the statement names a provider for this URL at all (used when the provider is not loaded).</summary>
    public bool NamesProviderUrl(string url) =>
        Statement.AnyPrincipal || Statement.Federated.Any(f => string.Equals(AwsArn.OidcProviderUrl(f), url, StringComparison.Ordinal));
}
