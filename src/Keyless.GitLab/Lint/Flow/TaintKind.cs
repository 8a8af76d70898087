namespace Keyless.GitLab.Lint.Flow;

/// <summary>What a tainted value is: the job's ID token (a JWT) or a cloud credential obtained with it.</summary>
internal enum TaintKind
{
    IdToken,
    CloudCredential,
}
