namespace Keyless.GitLab.Lint.Flow;

/// <summary>
/// What a tainted value is, strongest first: the job's ID token (a JWT anyone holding it can redeem), a cloud
/// credential obtained with it (an access token, STS keys), or only the claims of a token (its header or payload
/// segment, decoded or not): readable by whoever sees it, but not redeemable without the signature.
/// </summary>
internal enum TaintKind
{
    IdToken,
    CloudCredential,
    Claims,
}
