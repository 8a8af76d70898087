using System.Collections.Concurrent;
using System.Security.Cryptography;
using Keyless.Emulator.Issuer;

namespace Keyless.Emulator.Gcp;

/// <summary>
/// Google access tokens are opaque, so the emulator remembers what each one it issued stands for. Bounded: past
/// <see cref="MaxTokens"/> the oldest issued tokens are forgotten first, live or not (lifetimes differ, so they are
/// not always the first to expire), so a client looping on STS cannot grow memory without limit. A forgotten live
/// token is answered as unknown, as an expired one is.
/// </summary>
public sealed class GcpTokenStore
{
    public const int MaxTokens = 10_000;

    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    // Issue order, for eviction. Keys leave the dictionary only through this queue, so the two hold the same tokens.
    private readonly ConcurrentQueue<string> _issueOrder = new();
    private readonly TimeProvider _time;

    // The dictionary's own Count takes every one of its locks; a busy STS issuing on every thread would queue on them.
    private int _count;

    public GcpTokenStore(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Issues a token with Google's prefix (<c>ya29.d.</c> for STS, <c>ya29.c.</c> for service accounts).</summary>
    public string Issue(string prefix, IssuedToken token)
    {
        // 48 random bytes: a collision is not a case to handle.
        var value = prefix + Base64Url.Encode(RandomNumberGenerator.GetBytes(48));
        _tokens[value] = token;
        _issueOrder.Enqueue(value);
        if (Interlocked.Increment(ref _count) > MaxTokens)
        {
            ForgetOldest();
        }

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

    // Each issue past the bound forgets about one token, so the cost is constant per request and needs no lock.
    private void ForgetOldest()
    {
        while (Volatile.Read(ref _count) > MaxTokens && _issueOrder.TryDequeue(out var oldest))
        {
            if (_tokens.TryRemove(oldest, out _))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }

    /// <summary>How many tokens are remembered (for tests of the bound).</summary>
    internal int Count => Volatile.Read(ref _count);
}
