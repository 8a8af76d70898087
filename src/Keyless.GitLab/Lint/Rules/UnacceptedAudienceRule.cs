using Keyless.Formats.Output;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;
using Keyless.Trust.Model;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// An <c>aud</c> that no GCP provider, no Azure federated credential and no IAM OIDC provider (its client ids) in the
/// trust inputs accepts: the exchange is
/// refused, or the token is for a relying party outside the trust that was reviewed. With <c>--trust</c> only.
/// Variables in the aud are filled in from the pipeline's own <c>variables:</c>; one set elsewhere (CI/CD settings)
/// cannot be checked, and the finding says so.
/// </summary>
internal sealed class UnacceptedAudienceRule : LintRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "unaccepted-audience", "an ID token's aud is accepted by no given trust", Severity.Medium);

    public override bool NeedsTrust => true;

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        if (context.Options.Trust is not { } trust)
        {
            yield break;
        }

        var reach = TrustReach.For(trust);
        foreach (var job in context.TokenJobs)
        {
            foreach (var token in job.IdTokens)
            {
                var clouds = TrustReach.CloudsOf(job, token);

                // A token for a cloud the inputs say nothing about cannot be judged.
                if (!reach.Covers(clouds))
                {
                    continue;
                }

                foreach (var aud in token.Audiences)
                {
                    if (Judge(reach, job, token, aud, clouds) is { } finding)
                    {
                        yield return finding;
                    }
                }
            }
        }
    }

    private Finding? Judge(TrustReach reach, PipelineJob job, IdToken token, PipelineScalar aud, Cloud clouds)
    {
        var path = $"{job.Name}.id_tokens.{token.Name}.aud";
        if (aud.IsUnknown)
        {
            return Report(
                aud.Location,
                $"ID token {token.Name} has aud '{aud.Value}', which could not be resolved: it depends on {string.Join(", ", aud.Unresolved)}, "
                + "not known here, so it was not checked against the trust inputs.",
                "Lint the pipeline that includes this file with the inputs it passes, or give the input a default the trust accepts.",
                Severity.Info,
                Confidence.Likely,
                path: path);
        }

        var value = Audiences.Expand(job, aud.Value).Trim();
        if (Identifiers.References(value).ToList() is { Count: > 0 } unresolved)
        {
            return Report(
                aud.Location,
                $"ID token {token.Name} has aud '{aud.Value}', which could not be resolved: {string.Join(", ", unresolved.Distinct(StringComparer.Ordinal))} "
                + "is not set in the pipeline's variables (it may come from CI/CD settings), so it was not checked against the trust inputs.",
                "Write the audience literally in id_tokens, or define the variable in the pipeline's variables: so lint can check it.",
                Severity.Info,
                Confidence.Likely,
                path: path);
        }

        var providers = clouds.HasFlag(Cloud.Gcp) ? reach.GcpProviders.ToList() : [];
        var answers = providers.Select(p => (Provider: p, Answer: reach.Gcp(p, value))).ToList();
        var azure = clouds.HasFlag(Cloud.Azure) ? reach.AzureIdentities.ToList() : [];
        var aws = clouds.HasFlag(Cloud.Aws) ? reach.AwsProviders.ToList() : [];
        if (answers.Any(a => !a.Answer.IsRefused) || azure.Any(i => i.Credentials.Any(c => TrustReach.AzureAccepts(c, value)))
            || aws.Any(p => TrustReach.AwsAccepts(p, value)))
        {
            return null;
        }

        var shown = value == aud.Value ? $"'{aud.Value}'" : $"'{aud.Value}' ({value})";
        var judged = string.Join(" or ", new[]
        {
            providers.Count > 0 ? $"{providers.Count} GCP provider{(providers.Count == 1 ? string.Empty : "s")}" : null,
            azure.Count > 0 ? $"{azure.Count} Azure identit{(azure.Count == 1 ? "y" : "ies")}" : null,
            aws.Count > 0 ? $"{aws.Count} AWS OIDC provider{(aws.Count == 1 ? string.Empty : "s")}" : null,
        }.OfType<string>());
        // The engine's own words for the provider the aud names (or the only one): what it expected instead.
        var named = reach.ProviderNamedBy(value) ?? (providers.Count == 1 ? providers[0] : null);
        var reasons = answers.FirstOrDefault(a => a.Provider == named).Answer?.Reasons ?? [];
        var why = reasons.Count > 1 ? " " + reasons[1] : string.Empty;
        return Report(
            aud.Location,
            $"ID token {token.Name} has aud {shown}, which none of the {judged} in the trust inputs accepts: the exchange is refused, "
            + $"or the token is meant for a relying party outside this trust.{why}",
            "Set aud to an audience the trust accepts: " + string.Join(", ", Accepted(reach.Trust, providers, azure, aws)) + ".",
            path: path);
    }

    /// <summary>
    /// What the trust does accept, for the fix: each provider's allowed audiences, or its default audience (its
    /// resource name, which names the project by number), each credential's audience and each AWS provider's client ids.
    /// </summary>
    private static IEnumerable<string> Accepted(TrustSet trust, IEnumerable<GcpProvider> providers, IEnumerable<AzureIdentity> azure, IEnumerable<AwsOidcProvider> aws) =>
        providers.SelectMany(p => p.AllowedAudiences.Count > 0
                ? p.AllowedAudiences.Select(a => $"'{a}' (provider {p.ProviderId})")
                : [$"'//iam.googleapis.com/projects/{ProjectNumber(trust, p)}/locations/global/workloadIdentityPools/{p.PoolId}/providers/{p.ProviderId}' (provider {p.ProviderId}, its default audience)"])
            .Concat(azure.SelectMany(i => i.Credentials).Where(c => c.Audiences.Count > 0).Select(c => $"'{c.Audiences[0]}' (Azure)"))
            .Concat(aws.SelectMany(p => p.ClientIds.Select(id => $"'{id}' (AWS provider {p.Url})")))
            .Distinct(StringComparer.Ordinal);

    private static string ProjectNumber(TrustSet trust, GcpProvider provider) =>
        trust.ProjectNumberOf(provider.Project) ?? $"NUMBER-OF-{provider.Project.Id}";
}
