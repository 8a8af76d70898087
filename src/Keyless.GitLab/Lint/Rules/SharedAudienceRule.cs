using Keyless.Formats.Output;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// One <c>aud</c> used with more than one cloud (GCP, Azure, AWS): a token minted for one cloud is accepted by the
/// other, so a token leaked from the weaker job opens both.
/// </summary>
internal sealed class SharedAudienceRule : LintRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "shared-audience", "one aud is used with more than one cloud", Severity.High);

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        var uses = new List<(string Aud, Cloud Cloud, PipelineJob Job, IdToken Token, PipelineScalar Scalar)>();
        foreach (var job in context.TokenJobs)
        {
            foreach (var token in job.IdTokens)
            {
                // One token whose aud list names both clouds is redeemable at both, whatever the job does with it.
                var named = token.Audiences.Select(a => CloudSignals.OfAudience(Audiences.Expand(job, a.Value))).Aggregate(Cloud.None, (a, b) => a | b);
                if (Clouds.Count(named) > 1)
                {
                    yield return Report(
                        token.Location,
                        $"ID token {token.Name} lists audiences for {Clouds.Both(named)}: the one token is accepted by {Clouds.Each(named)}.",
                        Fix,
                        path: $"{job.Name}.id_tokens.{token.Name}.aud");
                    continue;
                }

                var cloud = CloudSignals.OfToken(job, token);
                foreach (var aud in token.Audiences.Where(a => !a.IsUnknown))
                {
                    uses.Add((Audiences.Expand(job, aud.Value).Trim().TrimEnd('/'), cloud, job, token, aud));
                }
            }
        }

        foreach (var group in uses.GroupBy(u => u.Aud, StringComparer.Ordinal))
        {
            var clouds = group.Aggregate(Cloud.None, (c, u) => c | u.Cloud);
            if (Clouds.Count(clouds) < 2)
            {
                continue;
            }

            var jobs = group.Select(u => u.Job.Name).Distinct(StringComparer.Ordinal).ToList();
            foreach (var use in group.DistinctBy(u => u.Scalar.Location))
            {
                yield return Report(
                    use.Scalar.Location,
                    $"aud '{group.Key}' is used with {Clouds.Both(clouds)} (jobs {string.Join(", ", jobs)}): a token minted for one cloud is accepted by the other.",
                    Fix,
                    path: $"{use.Job.Name}.id_tokens.{use.Token.Name}.aud");
            }
        }
    }

    private const string Fix =
        "Give each cloud its own token and audience: GCP the provider's resource name "
        + "(//iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER), "
        + "Azure api://AzureADTokenExchange, AWS sts.amazonaws.com; and accept only that audience on each side.";
}
