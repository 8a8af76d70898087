using System.Text;
using Keyless.Login.Diagnosis;
using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation;

namespace Keyless.Login.Gcp;

/// <summary>
/// Turns an STS refusal (cloud-semantics A9: the <c>error</c> and the verbatim <c>error_description</c>) into its
/// cause in plain words, with the token's values and, where the trust inputs or the error itself say them, the
/// values STS expected.
/// </summary>
internal static class GcpStsDiagnosis
{
    // The claims attribute conditions usually pin, shown when STS says only "rejected by the attribute condition".
    private static readonly string[] Pins =
    [
        GitLabClaimNames.ProjectId, GitLabClaimNames.ProjectPath, GitLabClaimNames.NamespaceId, GitLabClaimNames.NamespacePath,
        GitLabClaimNames.Ref, GitLabClaimNames.RefType, GitLabClaimNames.RefProtected, GitLabClaimNames.Environment,
        GitLabClaimNames.EnvironmentProtected, GitLabClaimNames.PipelineSource, GitLabClaimNames.Subject,
    ];

    public static LoginFailure Explain(CloudError error, GcpLoginRequest request, GcpPrediction? prediction)
    {
        var causes = new List<string>();
        var fixes = new List<string>();
        var claims = request.Token.Claims;
        var provider = request.Provider;
        var known = prediction?.Provider;
        var description = error.Description;

        if (Has(description, "The audience in ID Token"))
        {
            var aud = TokenChecks.Audiences(claims);
            causes.Add(known switch
            {
                { AllowedAudiences.Count: > 0 } p => $"The token's aud is {aud}; provider {provider.Name} accepts only {Quote(p.AllowedAudiences)} (its allowedAudiences, from {p.Source}).",
                not null => $"The token's aud is {aud}; provider {provider.Name} has no allowedAudiences, so it accepts only its own name: {Quote(provider.DefaultAudiences)}.",
                null => $"The token's aud is {aud}; provider {provider.Name} accepts only the audiences in its allowedAudiences or, when that list is empty, its own name {Quote(provider.DefaultAudiences)}.",
            });
            fixes.Add("Set the job's id_tokens: <NAME>: aud: to an audience the provider accepts, or add the token's aud to the provider's allowed audiences "
                + $"(gcloud iam workload-identity-pools providers update-oidc {provider.ProviderId} --workload-identity-pool={provider.PoolId} --location={provider.Location} --project={provider.ProjectNumber} --allowed-audiences=…).");
            if (known is null)
            {
                fixes.Add(DescribeCommand(provider, "oidc.allowedAudiences") + " shows the accepted audiences; or pass the trust with --trust to have them named here.");
            }
        }
        else if (Has(description, "The issuer in ID Token"))
        {
            var expected = After(description, "expected ones: ") ?? known?.IssuerUri;
            causes.Add($"The token's iss is {claims.Describe(GitLabClaimNames.Issuer)}; provider {provider.Name} trusts "
                + (expected is null ? "another issuer" : $"issuer {expected}") + (known?.IssuerUri is not null ? $" (its issuerUri, from {known.Source})." : "."));
            fixes.Add("Point the provider's issuer-uri at the GitLab instance that minted the token, or run the job on the instance the provider trusts.");
        }
        else if (Has(description, "is stale to sign-in"))
        {
            var exp = claims.GetNumericDate(GitLabClaimNames.Expires);
            causes.Add($"STS considers the token expired: its iat is {claims.Describe(GitLabClaimNames.IssuedAt)} and its exp {claims.Describe(GitLabClaimNames.Expires)}"
                + (exp is { } e ? $" ({TokenChecks.Utc(e)})" : string.Empty) + "; STS allows about a minute of clock skew.");
            fixes.Add("Exchange the token early in the job, or give the job a timeout that covers the work (GitLab sets exp to the job timeout, 5 minutes without one); check the runner's clock.");
        }
        else if (Has(description, SignatureErrors.StsBadSignature.Description))
        {
            causes.Add($"The token's signature does not verify with the key STS holds for kid {request.Token.KeyId ?? "(none)"}: "
                + (known?.JwksJson is not null ? "the provider's inline jwksJson is stale (GitLab rotated its signing key) or " : string.Empty)
                + "the token was altered or signed by another key.");
            fixes.Add($"If the provider has an uploaded JWKS, refresh it from {claims.Describe(GitLabClaimNames.Issuer)}/oauth/discovery/keys (gcloud … providers update-oidc --jwk-json-path=…).");
        }
        else if (Has(description, SignatureErrors.StsIssuerUnreachable.Description))
        {
            var iss = claims.Describe(GitLabClaimNames.Issuer);
            causes.Add($"STS could not fetch {iss}/.well-known/openid-configuration and its keys, or none of them has the token's kid {request.Token.KeyId ?? "(none)"}.");
            fixes.Add("GitLab must serve /.well-known/openid-configuration and /oauth/discovery/keys to the internet; for a private instance, upload its JWKS to the provider (--jwk-json-path).");
        }
        else if (Has(description, "rejected by the attribute condition"))
        {
            var condition = known?.AttributeCondition;
            causes.Add(condition is null
                ? "The provider's attributeCondition is false for this token."
                : $"The provider's attributeCondition `{condition}` ({known!.Source}) is false for this token.");
            var pins = Pins.Where(claims.Has).Select(p => $"{p} {Value(claims, p)}").ToList();
            if (pins.Count > 0)
            {
                causes.Add("The token's claims that conditions usually pin: " + string.Join(", ", pins) + ".");
            }

            fixes.Add(known is null
                ? DescribeCommand(provider, "attributeCondition") + " shows the condition; or pass the trust with --trust to have keyless name the clause that fails."
                : "Run the job where the condition holds (the project, branch or environment it pins), or change the condition if it is too narrow.");
        }
        else if (Has(description, "google.subject exceeds"))
        {
            var sub = claims.GetString(GitLabClaimNames.Subject) ?? string.Empty;
            causes.Add($"The mapped google.subject is over 127 bytes. The token's sub is {Encoding.UTF8.GetByteCount(sub)} bytes: {sub}"
                + (known?.AttributeMapping.TryGetValue("google.subject", out var mapping) == true ? $"; the mapping is google.subject={mapping}." : "."));
            fixes.Add("Map google.subject to something shorter and still unique, for example assertion.project_id + '::' + assertion.ref (or set ci_id_token_sub_claim_components).");
        }
        else if (Has(description, "must be of type STRING"))
        {
            causes.Add("The provider's attribute mapping makes a non-string value (GitLab's runner_id is a number, groups_direct a list).");
            fixes.Add("Map string claims, or convert: string(assertion.runner_id).");
        }
        else if (error.Error == "invalid_target")
        {
            causes.Add(known switch
            {
                { Disabled: true } => $"Provider {provider.Name} is disabled ({known.Source}).",
                { State: not Keyless.Trust.Model.ResourceState.Active } => $"Provider {provider.Name} is deleted ({known.Source}).",
                _ => $"Provider {provider.Name} does not exist, is disabled or deleted, or its pool is; STS says the same for all four.",
            });
            fixes.Add(DescribeCommand(provider, "state,disabled") + " shows it; --provider needs the project number, the pool id and the provider id (not display names).");
        }
        else if (error.HttpStatus == 429 || error.Error == "quota_exceeded")
        {
            causes.Add("STS throttled the requests (it counts per project); keyless retried and gave up.");
            fixes.Add("Retry the job in a few seconds; spread parallel jobs.");
        }
        else
        {
            causes.Add($"STS's answer is not one keyless knows. The token: iss {claims.Describe(GitLabClaimNames.Issuer)}, aud {TokenChecks.Audiences(claims)}, sub {claims.Describe(GitLabClaimNames.Subject)}.");
        }

        AddTrustReasons(prediction?.Exchange, causes);
        return new LoginFailure("STS refused the token exchange", error.ToString(), causes, fixes);
    }

    /// <summary>The trust engine's own account, when it agrees there is a refusal; a warning when it expected success.</summary>
    internal static void AddTrustReasons(StsExchangeResult? exchange, List<string> causes)
    {
        if (exchange is null)
        {
            return;
        }

        if (exchange.Succeeded)
        {
            causes.Add("The trust inputs predicted STS would accept the token; they may not match the cloud any more (re-export them).");
            return;
        }

        // The first reason repeats the cloud's words; the rest say which claim and what was expected.
        causes.AddRange(exchange.Reasons.Skip(1).Select(r => "Trust inputs: " + r));
    }

    private static string DescribeCommand(GcpProviderName provider, string field) =>
        $"gcloud iam workload-identity-pools providers describe {provider.ProviderId} --workload-identity-pool={provider.PoolId} --location={provider.Location} --project={provider.ProjectNumber} --format='value({field})'";

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);

    private static string? After(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : text[(at + marker.Length)..].Trim();
    }

    private static string Quote(IEnumerable<string> values) => string.Join(" or ", values.Select(v => $"\"{v}\""));

    private static string Value(TokenClaims claims, string name) => $"\"{claims.Describe(name)}\"";
}
