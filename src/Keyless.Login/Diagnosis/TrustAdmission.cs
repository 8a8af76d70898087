using Keyless.Trust.Claims;
using Keyless.Trust.Identities;

namespace Keyless.Login.Diagnosis;

/// <summary>Which identities of one cloud the trust engine says a token gets: the "which would admit it" answer.</summary>
internal static class TrustAdmission
{
    public const int MaxListed = 5;

    public static IReadOnlyList<string> Admitting(TrustEvaluator engine, TokenClaims claims, string cloud) =>
        engine.Decide(claims)
            .Where(d => d.IsAllowed && d.Identity.Cloud == cloud)
            .Select(d => d.Identity.Azure?.DisplayName ?? d.Identity.Name)
            .ToList();

    /// <summary>The note that says where else the token would get in, when the asked-for identity refuses it.</summary>
    public static LoginNote Elsewhere(IReadOnlyList<string> admitting, string? asked, string cloudName)
    {
        var others = admitting.Where(a => !string.Equals(a, asked, StringComparison.OrdinalIgnoreCase)).Take(MaxListed).ToList();
        return LoginNote.Info(others.Count == 0
            ? $"no {cloudName} identity in the trust inputs admits this token."
            : $"with this token the trust inputs admit: {string.Join(", ", others)}.");
    }
}
