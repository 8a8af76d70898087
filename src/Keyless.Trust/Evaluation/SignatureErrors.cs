namespace Keyless.Trust.Evaluation;

/// <summary>
/// The clouds' words when a token's signature cannot be checked or does not verify (cloud-semantics A9, B5): the
/// emulator answers with them, and <c>explain --token</c> says which one each cloud would give.
/// </summary>
public static class SignatureErrors
{
    /// <summary>STS: the signature does not verify with the issuer's key.</summary>
    public static CloudError StsBadSignature { get; } = new(400, "invalid_grant", "Unable to verify the ID Token signature.");

    /// <summary>STS: no key of the issuer can be had for the token (keys unreachable, or none with its kid).</summary>
    public static CloudError StsIssuerUnreachable { get; } = new(400, "invalid_grant", "Error connecting to the given credential's issuer.");

    /// <summary>STS: the token is not a JWT; its exact words are not known.</summary>
    public static CloudError StsUnparseable { get; } = new(400, "invalid_grant", "Unable to parse the ID Token. (emulator)");

    /// <summary>Entra: documented for certificate assertions; the code for federated ones is not confirmed (cloud-semantics E).</summary>
    public static CloudError EntraBadSignature { get; } = new(401, "invalid_client", "AADSTS700027: Client assertion failed signature validation.");

    /// <summary>Entra: no key with the token's kid in the issuer's published keys.</summary>
    public static CloudError EntraUnknownKey(string? kid, string? iss) => new(401, "invalid_client",
        $"AADSTS7000272: The certificate with identifier {kid} used to sign the federated credential could not be found in the metadata of identity provider {iss}. Please validate that your Identity Provider's metadata exposes the key used to sign the incoming token.");
}
