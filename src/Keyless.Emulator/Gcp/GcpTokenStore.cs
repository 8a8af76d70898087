using System.Collections.Concurrent;
using System.Security.Cryptography;
using Keyless.Emulator.Issuer;

namespace Keyless.Emulator.Gcp;

/// <summary>
/// Google access tokens are opaque, so the emulator remembers what each one it issued stands for. Bounded: expired
/// tokens are dropped first, then the oldest, so a client looping on STS cannot grow memory without limit.
/// </summary>
public sealed class GcpTokenStore
{
    public const int MaxTokens = 10_000;

    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public GcpTokenStore(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Issues a token with Google's prefix (<c>ya29.d.</c> for STS, <c>ya29.c.</c> for service accounts).</summary>
    public string Issue(string prefix, IssuedToken token)
    {
        if (_tokens.Count >= MaxTokens)
        {
            Prune();
        }

        var value = prefix + Base64Url.Encode(RandomNumberGenerator.GetBytes(48));
        _tokens[value] = token;
        return value;
    }

    /// <summary>The live token, or null when unknown or expired.</summary>
    public IssuedToken? Find(string? value)
    {
        if (value is null || !_tokens.TryGetValue(value, out var token))
        {
            return null;
        }

        return token.Expiry > _time.GetUtcNow() ? token : null;
    }

    private void Prune()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, token) in _tokens)
        {
            if (token.Expiry <= now)
            {
                _tokens.TryRemove(key, out _);
            }
        }

        foreach (var (key, _) in _tokens.OrderBy(p => p.Value.IssuedAt).Take(Math.Max(0, _tokens.Count - (MaxTokens * 9 / 10))))
        {
            _tokens.TryRemove(key, out _);
        }
    }
}
