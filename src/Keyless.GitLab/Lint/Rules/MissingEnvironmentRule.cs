using Keyless.Formats.Output;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;
using Keyless.Trust.Identities;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// A job without <c>environment:</c> whose token goes to an identity that only admits tokens with an environment
/// (a GCP condition on <c>environment_protected</c>/<c>environment</c>, an Azure subject or an AWS role's
/// <c>sub</c> condition with <c>environment_protected</c>/<c>deployment_tier</c>): GitLab leaves the environment claims out, so the exchange
/// is refused, and the protected environment's approval never applies to the job. With <c>--trust</c> only.
/// </summary>
internal sealed class MissingEnvironmentRule : LintRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "missing-environment", "a job without environment: uses an identity whose trust pins one", Severity.Low);

    public override bool NeedsTrust => true;

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        if (context.Options.Trust is not { } trust)
        {
            yield break;
        }

        var reach = TrustReach.For(trust);
        foreach (var job in context.TokenJobs.Where(j => j.Environment is null))
        {
            if (Pinned(reach, job) is { } found)
            {
                var (token, identities) = found;
                var first = identities[0];
                var names = string.Join(", ", identities.Select(i => i.Identity.Name));
                var tier = identities.Select(i => i.Pin.Tier).FirstOrDefault(t => t is not null);
                yield return Report(
                    job.Location,
                    $"Job '{job.Name}' declares no environment:, but its token {token.Name} goes to {names}, whose trust requires one "
                    + $"({first.Pin.Why}; {first.Pin.Source}): GitLab puts no environment claims in the token, so the exchange is refused "
                    + "and the protected environment's approval never applies to this job.",
                    $"Add environment: with the protected environment the trust names (environment: {{ name: production{(tier is null ? string.Empty : $", deployment_tier: {tier}")} }}), "
                    + "or give this job an identity meant for jobs without one.",
                    identity: first.Identity.Name);
            }
        }
    }

    /// <summary>
    /// The first token whose every reachable identity pins an environment. The identities are those behind the
    /// aud, narrowed to the ones the job names (a service account email, a client id, a role ARN) when it names any.
    /// </summary>
    private static (IdToken Token, List<(Identity Identity, EnvironmentPin Pin)> Identities)? Pinned(TrustReach reach, PipelineJob job)
    {
        var text = JobText(job);
        foreach (var token in job.IdTokens)
        {
            var clouds = TrustReach.CloudsOf(job, token);
            foreach (var aud in token.Audiences)
            {
                var value = Audiences.Expand(job, aud.Value).Trim();
                if (Identifiers.References(value).Any())
                {
                    continue;
                }

                var candidates = reach.IdentitiesFor(value, clouds).ToList();
                var named = candidates.Where(i => Names(text, i)).ToList();
                if (named.Count > 0)
                {
                    candidates = named;
                }

                var pins = candidates.Select(i => (Identity: i, Pin: reach.EnvironmentPinned(i, value))).ToList();
                if (pins.Count > 0 && pins.All(p => p.Pin is not null))
                {
                    return (token, pins.Select(p => (p.Identity, p.Pin!)).ToList());
                }
            }
        }

        return null;
    }

    /// <summary>Everything the job runs and sets, variables filled in: where it names the identity it wants.</summary>
    private static string JobText(PipelineJob job) => string.Join('\n',
        job.ScriptLines().Select(l => Audiences.Expand(job, l.Text))
            .Concat(job.AllVariables().Values.Select(v => Audiences.Expand(job, v.Value))));

    private static bool Names(string text, Identity identity) => identity.Kind switch
    {
        IdentityKind.GcpServiceAccount => text.Contains(identity.Name, StringComparison.OrdinalIgnoreCase),
        IdentityKind.AzureApplication or IdentityKind.AzureManagedIdentity =>
            identity.Azure?.ClientId is { } clientId && text.Contains(clientId, StringComparison.OrdinalIgnoreCase),
        IdentityKind.AwsRole => text.Contains(identity.Aws?.Arn ?? ":role/" + identity.Name, StringComparison.Ordinal),
        _ => false,
    };
}
