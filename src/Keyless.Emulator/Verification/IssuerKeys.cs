using Keyless.Emulator.Issuer;

namespace Keyless.Emulator.Verification;

/// <summary>
/// The keys that may verify a token of a given issuer: the emulator's own key where it stands in for the issuer,
/// a provider's inline <c>jwks_json</c>, or the issuer's published JWKS when the trust names an issuer the emulator
/// does not stand in for. Never keys from the token itself.
/// </summary>
public sealed class IssuerKeys
{
    private readonly IssuerPolicy _policy;
    private readonly IJwksFetcher? _fetcher;
    private readonly VerificationKey _ownKey;

    // A provider's jwks_json is fixed by the loaded trust: parsed once per provider's text, found by reference so a
    // request does not hash the whole key set to look it up.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, Tuple<IReadOnlyList<VerificationKey>, string?>> _inline = new();

    public IssuerKeys(SigningKey own, IssuerPolicy policy, IJwksFetcher? fetcher)
    {
        _policy = policy;
        _fetcher = fetcher;
        _ownKey = own.VerificationKey;
    }

    public IssuerPolicy Policy => _policy;

    public async Task<KeySetResult> ForIssuerAsync(string? issuer, string? inlineJwksJson, CancellationToken cancellationToken)
    {
        var keys = new List<VerificationKey>();
        if (issuer is not null && _policy.StandsInFor(issuer))
        {
            keys.Add(_ownKey);
        }

        if (inlineJwksJson is { Length: > 0 })
        {
            var (inline, error) = _inline.GetValue(inlineJwksJson, json => JwksParser.Parse(json).ToTuple());
            if (error is not null && keys.Count == 0)
            {
                return KeySetResult.Unavailable("the provider's jwks_json: " + error);
            }

            keys.AddRange(inline);
            return new KeySetResult(keys, null);
        }

        if (keys.Count > 0)
        {
            return new KeySetResult(keys, null);
        }

        if (issuer is null)
        {
            return KeySetResult.Unavailable("there is no issuer to fetch keys from");
        }

        if (!_policy.IsNamedByTrust(issuer) || _fetcher is null)
        {
            return KeySetResult.Unavailable(
                $"the emulator does not stand in for issuer \"{issuer}\" and does not fetch keys for it (stands in for: {string.Join(", ", _policy.StandIns)})");
        }

        return await _fetcher.FetchAsync(issuer, cancellationToken).ConfigureAwait(false);
    }
}
