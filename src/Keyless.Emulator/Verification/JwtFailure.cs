namespace Keyless.Emulator.Verification;

/// <summary>Why a JWT's signature could not be trusted. Each cloud front end maps these to its own error.</summary>
public enum JwtFailure
{
    /// <summary>Not three base64url parts with a JSON object header and payload.</summary>
    Malformed,

    /// <summary>Longer than the emulator accepts.</summary>
    TooLarge,

    /// <summary><c>alg</c> is not RS256: <c>none</c>, an HMAC (key confusion) or anything else.</summary>
    UnsupportedAlgorithm,

    /// <summary>A <c>crit</c> header: extensions the verifier must understand, and it understands none (RFC 7515 §4.1.11).</summary>
    CriticalHeader,

    /// <summary>No <c>kid</c> in the header.</summary>
    MissingKeyId,

    /// <summary>The <c>kid</c> is not in the issuer's key set.</summary>
    UnknownKeyId,

    /// <summary>The key named by <c>kid</c> does not verify the signature.</summary>
    BadSignature,

    /// <summary>The issuer's discovery document or key set could not be fetched or read.</summary>
    IssuerKeysUnavailable,
}
