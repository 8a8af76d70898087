namespace Keyless.Trust.Evaluation;

/// <summary>
/// The OAuth URNs both exchanges are spoken in, by the emulator that answers them and by <c>keyless login</c> that
/// asks: RFC 8693 token exchange for STS, RFC 7523 JWT assertions for Entra.
/// </summary>
public static class OAuthUrns
{
    public const string TokenExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange";

    public const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";

    public const string JwtTokenType = "urn:ietf:params:oauth:token-type:jwt";

    public const string IdTokenType = "urn:ietf:params:oauth:token-type:id_token";

    public const string JwtBearerAssertion = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
}
