using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.GitLab;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>
/// An identity no token reaches: an Azure issuer with a trailing slash (Entra compares exactly, GitLab sends none), a
/// credential without an audience, or any trust that admits no token GitLab can mint (the project's own jobs and
/// every persona's), proven by exhaustive searches.
/// </summary>
public sealed class UnreachableIdentityAudit : AuditRule
{
    public override string Id => "unreachable-identity";

    public override string Summary => "No token GitLab can mint reaches this identity, the project's own or any persona's (an issuer, audience or value no job can match).";

    public override Severity DefaultSeverity => Severity.Medium;

    /// <summary>
    /// The project's own tokens are known where the trust reads them: a stand-in path or id the trust tests could be
    /// what denies, so unreachability is not proven then.
    /// </summary>
    private static bool KnowsTheProject(AttackPath path)
    {
        // Claims the trust tests (a mapping that only copies a claim tests nothing).
        var read = path.Atoms.Atoms.Select(a => a.Claim).ToHashSet(StringComparer.Ordinal);
        var v = path.Victim;
        bool Known(bool known, params string[] claims) => known || !claims.Any(read.Contains);
        return Known(v.IdKnown, GitLabClaimNames.ProjectId, GitLabClaimNames.JobProjectId)
            && Known(v.NamespaceIdKnown, GitLabClaimNames.NamespaceId, GitLabClaimNames.JobNamespaceId)
            && Known(v.PathKnown, GitLabClaimNames.ProjectPath, GitLabClaimNames.JobProjectPath)
            && Known(v.NamespaceKnown, GitLabClaimNames.NamespacePath, GitLabClaimNames.JobNamespacePath);
    }

    public override bool ReadsSearches => true;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var identity in context.Identities)
        {
            var structural = false;
            foreach (var credential in identity.Azure?.Credentials ?? [])
            {
                if (credential.Issuer is { } issuer && issuer.EndsWith('/'))
                {
                    structural = true;
                    yield return Static(identity.Name,
                        $"Credential '{credential.Name}' trusts issuer '{issuer}' with a trailing slash; GitLab's iss has none and Entra compares exactly (AADSTS700211), so no job gets {identity.Name} through it.",
                        $"Set the credential's issuer to '{issuer.TrimEnd('/')}' (az ad app federated-credential update --issuer {issuer.TrimEnd('/')}; Terraform issuer = \"{issuer.TrimEnd('/')}\").",
                        credential.Source);
                }
                else if (credential.Audiences.Count == 0)
                {
                    structural = true;
                    yield return Static(identity.Name,
                        $"Credential '{credential.Name}' has no audience, so no token can match it.",
                        "Set audiences to [\"api://AzureADTokenExchange\"] and the job's id_tokens aud to the same value.",
                        credential.Source);
                }
            }

            // A disabled provider is reported by disabled-provider-still-bound.
            if (structural || identity.Providers.Any(p => p.Disabled))
            {
                continue;
            }

            // Unreachable only when no realizable token reaches it: not the project's own, not any persona's, and every
            // one of those searches was exhaustive.
            var searches = AttackScenarios.Attacks.Append(AttackScenario.ProjectMaintainer).Select(s => context.Search(identity, s)).ToArray();
            var own = searches[^1];
            if (searches.All(r => !r.Found && r.Complete) && own.Tried > 0 && context.Engine.Paths(identity) is { Count: > 0 } paths
                && paths.All(KnowsTheProject))
            {
                var victim = paths[0].Victim;
                var project = victim.PathKnown ? $"project '{victim.Path}'" : victim.IdKnown ? $"project {victim.Id}" : "the project";
                var never = paths.SelectMany(p => p.Atoms.Pins).Where(a => a.Kind == AtomKind.Equals)
                    .Select(a => GitLabValues.Never(a.Claim, a.Literal)).OfType<string>().Distinct().ToArray();
                yield return Static(identity.Name,
                    $"None of the {searches.Sum(r => r.Tried)} token classes GitLab can mint ({project}'s own jobs and every persona's) gets {identity.Name}; the trust is unreachable as written"
                    + (never.Length > 0 ? ": " + string.Join("; ", never) : string.Empty) + ".",
                    $"Compare a real job token with `keyless explain --claims token.json` to see which clause denies it.",
                    paths[0].Source, Severity.Low);
            }
        }
    }
}
