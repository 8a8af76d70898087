using System.Text;
using Keyless.Login.Diagnosis;
using Keyless.Trust.Claims;

namespace Keyless.Login.Gcp;

/// <summary>
/// What can be said about a token and a provider before asking STS, with no trust inputs: the audience it names,
/// the issuer's scheme, the subject's size. Each is a warning, never a stop: only STS knows the provider.
/// </summary>
internal static class GcpPreflight
{
    public const int MaxSubjectBytes = 127;

    public static void Check(GcpLoginRequest request, List<LoginNote> notes)
    {
        var claims = request.Token.Claims;
        var provider = request.Provider;
        var audiences = claims.Audiences;

        var named = audiences.FirstOrDefault(GcpProviderName.LooksLikeProviderAudience);
        if (audiences.Any(a => provider.DefaultAudiences.Contains(a, StringComparer.Ordinal)))
        {
            notes.Add(LoginNote.Info($"the token's aud is this provider's own name; STS accepts it only while the provider's allowedAudiences is empty."));
        }
        else if (named is not null)
        {
            notes.Add(LoginNote.Warning($"the token's aud names another provider ({named}), not --provider {provider.StsAudience}; STS will refuse it unless that exact string is in this provider's allowedAudiences."));
        }

        if (claims.GetString(GitLabClaimNames.Issuer) is { } iss && !iss.StartsWith("https://", StringComparison.Ordinal))
        {
            notes.Add(LoginNote.Warning($"the token's iss is {iss}; a GCP provider's issuer must be an https:// URL, so no provider can trust this token (set the GitLab instance's external URL, or ci_id_tokens_issuer_url, to https)."));
        }

        if (claims.GetString(GitLabClaimNames.Subject) is { } sub && Encoding.UTF8.GetByteCount(sub) > MaxSubjectBytes)
        {
            notes.Add(LoginNote.Warning($"the token's sub is {Encoding.UTF8.GetByteCount(sub)} bytes; if the provider maps google.subject=assertion.sub, STS refuses subjects over {MaxSubjectBytes} bytes."));
        }

        if (provider.Location != "global")
        {
            notes.Add(LoginNote.Warning($"the provider's location is '{provider.Location}'; workload identity pools live in 'global'."));
        }
    }
}
