using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;
using Keyless.Trust.RedTeam;

namespace Keyless.GitLab.Lint;

/// <summary>
/// Where a pipeline's <c>aud</c> leads in the cloud trust given with <c>--trust</c>: which GCP providers and Azure
/// identities accept it, and which identities only admit tokens from jobs with an environment. The answers come
/// from the trust engine (<see cref="TrustEvaluator"/> and the red-team search), never from a second reading of
/// the clouds' rules. One instance per TrustSet; answers are cached.
/// </summary>
internal sealed class TrustReach
{
    private static readonly ConditionalWeakTable<TrustSet, TrustReach> Cache = [];

    private static readonly string[] EnvironmentClaims =
        [GitLabClaimNames.Environment, GitLabClaimNames.EnvironmentProtected, GitLabClaimNames.DeploymentTier];

    private readonly RedTeamEngine _engine;
    private readonly Dictionary<(GcpProvider, string), AudienceAnswer> _gcp = [];
    private readonly Dictionary<(Identity, string), EnvironmentPin?> _pins = [];

    private TrustReach(TrustSet trust)
    {
        Trust = trust;
        _engine = new RedTeamEngine(trust);
    }

    public TrustSet Trust { get; }

    public IReadOnlyList<Identity> Identities => _engine.Identities;

    /// <summary>OIDC providers: the only GCP providers a GitLab token can be exchanged at.</summary>
    public IEnumerable<GcpProvider> GcpProviders => Trust.Providers.Where(p => p.Protocol == "oidc");

    public IEnumerable<AzureIdentity> AzureIdentities => Trust.AzureIdentities.Where(i => i.Credentials.Count > 0);

    /// <summary>IAM OIDC providers: where STS checks a token's aud against the client ids.</summary>
    public IEnumerable<AwsOidcProvider> AwsProviders => Trust.AwsProviders;

    public bool Covers(Cloud cloud) =>
        (cloud.HasFlag(Cloud.Gcp) && GcpProviders.Any()) || (cloud.HasFlag(Cloud.Azure) && AzureIdentities.Any())
        || (cloud.HasFlag(Cloud.Aws) && AwsProviders.Any());

    /// <summary>The clouds a token is judged against: the ones it is used with, or all when nothing says.</summary>
    public static Cloud CloudsOf(PipelineJob job, IdToken token) =>
        CloudSignals.OfToken(job, token) is var cloud && cloud == Cloud.None ? Cloud.Gcp | Cloud.Azure | Cloud.Aws : cloud;

    public static TrustReach For(TrustSet trust) => Cache.GetValue(trust, t => new TrustReach(t));

    /// <summary>
    /// Does the provider take a token with this aud? Asked of the engine's own STS exchange with a token that has
    /// the provider's issuer and this aud: the exchange checks issuer, then audience, then the rest, so a failure
    /// after the audience check means the audience passed. An allowedAudiences or issuer unknown until apply
    /// counts as accepting (nothing can be said yet).
    /// </summary>
    public AudienceAnswer Gcp(GcpProvider provider, string audience)
    {
        if (_gcp.TryGetValue((provider, audience), out var cached))
        {
            return cached;
        }

        var claims = new JsonObject { [GitLabClaimNames.Issuer] = provider.IssuerUri ?? string.Empty, [GitLabClaimNames.Audience] = audience };
        var result = _engine.Evaluator.Gcp.Exchange(provider, TokenClaims.FromJson(claims));
        var answer = result switch
        {
            { Succeeded: true } => AudienceAnswer.Accepted,
            { Indeterminate: true, FailedCheck: TrustCheck.Issuer or TrustCheck.Audience } => AudienceAnswer.Unknown,
            { FailedCheck: TrustCheck.Request or TrustCheck.Issuer or TrustCheck.Audience } => AudienceAnswer.Refused(result.Reasons),
            _ => AudienceAnswer.Accepted,
        };
        _gcp[(provider, audience)] = answer;
        return answer;
    }

    /// <summary>The provider an aud names as an STS audience parameter (pool and provider ids), if it is in the trust.</summary>
    public GcpProvider? ProviderNamedBy(string audience) =>
        _engine.Evaluator.Gcp.FindProvider(audience.StartsWith("https://", StringComparison.Ordinal) ? "//" + audience["https://".Length..] : audience);

    /// <summary>
    /// Does one of the identity's federated credentials take this aud? Entra compares the credential's one
    /// audience exactly, as <see cref="AzureEvaluator"/> does; a credential with values unknown until apply counts.
    /// </summary>
    public static bool AzureAccepts(AzureFederatedCredential credential, string audience) =>
        credential.Unknown.Count > 0 || (credential.Audiences.Count > 0 && string.Equals(credential.Audiences[0], audience, StringComparison.Ordinal));

    /// <summary>
    /// Does the IAM OIDC provider take this aud? STS requires it to be one of the client ids, compared exactly, as
    /// <see cref="AwsEvaluator"/> does; a provider with values unknown until apply counts.
    /// </summary>
    public static bool AwsAccepts(AwsOidcProvider provider, string audience) =>
        provider.Unknown.Count > 0 || provider.ClientIds.Contains(audience, StringComparer.Ordinal);

    /// <summary>
    /// What a job could be after with this aud: identities behind an accepting provider or credential, and AWS roles
    /// with an Allow statement through an IAM OIDC provider that lists the aud as a client id.
    /// </summary>
    public IEnumerable<Identity> IdentitiesFor(string audience, Cloud cloud) => Identities.Where(identity => identity.Cloud switch
    {
        "gcp" => cloud.HasFlag(Cloud.Gcp) && identity.Providers.Any(p => p.Protocol == "oidc" && !Gcp(p, audience).IsRefused),
        "azure" => cloud.HasFlag(Cloud.Azure) && identity.Azure!.Credentials.Any(c => AzureAccepts(c, audience)),
        "aws" => cloud.HasFlag(Cloud.Aws) && AwsAllows(identity.Aws!, audience).Any(),
        _ => false,
    });

    /// <summary>The role's Allow statements a token with this aud can pass the provider check of.</summary>
    private IEnumerable<AwsPolicyStatement> AwsAllows(AwsRole role, string audience)
    {
        var providers = AwsProviders.Where(p => AwsAccepts(p, audience)).ToList();
        return role.Statements.Where(s => s.IsAllow && (s.AnyPrincipal || providers.Any(p => s.Federated.Any(f => Names(f, p)))));

        // Principal.Federated is the provider's ARN, arn:aws:iam::ACCOUNT:oidc-provider/URL.
        static bool Names(string federated, AwsOidcProvider provider) =>
            string.Equals(federated, provider.Arn, StringComparison.Ordinal)
            || (provider.Arn is null && federated.EndsWith(":oidc-provider/" + provider.Url, StringComparison.Ordinal));
    }

    /// <summary>
    /// How the identity requires an environment of tokens with this aud, or null when a token without one can get
    /// it (or nothing can be said). Azure: every accepting credential's subject has an environment component,
    /// which GitLab drops from sub when the job has no environment (so the subject can never match). GCP: the
    /// accepting providers read environment claims, and the engine admits no maintainer token of the project
    /// without an environment (a search that must be complete: disjunctions like "project A with production, or
    /// project B" are decided per identity).
    /// </summary>
    public EnvironmentPin? EnvironmentPinned(Identity identity, string audience)
    {
        if (_pins.TryGetValue((identity, audience), out var cached))
        {
            return cached;
        }

        var pin = identity.Cloud switch
        {
            "gcp" => GcpPin(identity, audience),
            "azure" => AzurePin(identity, audience),
            _ => AwsPin(identity.Aws!, audience),
        };
        _pins[(identity, audience)] = pin;
        return pin;
    }

    private EnvironmentPin? GcpPin(Identity identity, string audience)
    {
        var providers = identity.Providers.Where(p => p.Protocol == "oidc" && !Gcp(p, audience).IsRefused).ToList();
        var paths = _engine.Paths(identity).Where(p => p.Provider is { } provider && providers.Contains(provider)).ToList();
        if (paths.Count == 0 || paths.Any(p => !p.Atoms.ClaimsRead.Any(EnvironmentClaims.Contains)))
        {
            return null;
        }

        // A maintainer's token for this very aud, minus any environment: if the engine admits one, no pin.
        var search = _engine.Search(identity, AttackScenario.ProjectMaintainer, claims =>
        {
            if (EnvironmentClaims.Any(claims.ContainsKey))
            {
                return false;
            }

            var probe = (JsonObject)claims.DeepClone();
            probe[GitLabClaimNames.Audience] = audience;
            return _engine.Admits(identity, probe);
        });
        if (search.Found || !search.Complete)
        {
            return null;
        }

        var read = paths.SelectMany(p => p.Atoms.ClaimsRead.Where(EnvironmentClaims.Contains)).Distinct().Order(StringComparer.Ordinal);
        var where = string.Join(", ", paths.Select(p => p.Label));
        return new EnvironmentPin(
            $"{where} reads {string.Join(", ", read.Select(c => "assertion." + c))} and admits no token of this project without an environment",
            paths[0].Source.ToString(),
            null);
    }

    private static EnvironmentPin? AzurePin(Identity identity, string audience)
    {
        var credentials = identity.Azure!.Credentials.Where(c => AzureAccepts(c, audience)).ToList();
        if (credentials.Count == 0 || credentials.Any(c => c.Unknown.Count > 0 || !PinsEnvironment(c)))
        {
            return null;
        }

        var tier = credentials.Select(c => c.Subject is null ? null : SubjectComponent(c.Subject, GitLabClaimNames.DeploymentTier)).FirstOrDefault(t => t is not null);
        var subjects = string.Join(", ", credentials.Select(c => $"'{c.Subject ?? c.ClaimsMatchingExpression}' (credential '{c.Name}')"));
        return new EnvironmentPin($"its federated credentials match only subjects with an environment: {subjects}", credentials[0].Source.ToString(), tier);
    }

    /// <summary>
    /// AWS sees a GitLab token only as <c>aud</c> and <c>sub</c>: a role pins an environment when every Allow
    /// statement the token could pass names <c>URL:sub</c> with a positive string operator whose every value has an
    /// environment component (GitLab drops it from sub when the job has none, so no such value can match). Deny
    /// statements only narrow; a statement Keyless does not model, or a policy unknown until apply, says nothing.
    /// </summary>
    private EnvironmentPin? AwsPin(AwsRole role, string audience)
    {
        var allows = role.Unknown.Count > 0 || role.PolicyError is not null ? [] : AwsAllows(role, audience).ToList();
        if (allows.Count == 0 || allows.Any(s => s.Unmodelled.Count > 0))
        {
            return null;
        }

        var pins = allows.Select(s => (Statement: s, Values: s.Conditions.FirstOrDefault(SubPinsEnvironment)?.Values)).ToList();
        if (pins.Any(p => p.Values is null))
        {
            return null;
        }

        var tier = pins.SelectMany(p => p.Values!).Select(v => SubjectComponent(v, GitLabClaimNames.DeploymentTier)).FirstOrDefault(t => t is not null);
        var subjects = string.Join(", ", pins.Select(p => $"{string.Join(" or ", p.Values!.Select(v => $"'{v}'"))} ({p.Statement.Describe()})"));
        return new EnvironmentPin($"its trust policy matches only subjects with an environment: {subjects}", role.Source.ToString(), tier);

        // Negated and ...IfExists operators admit a token the value does not describe; set qualifiers are left out too.
        static bool SubPinsEnvironment(AwsCondition condition) =>
            condition.Key.EndsWith(":sub", StringComparison.OrdinalIgnoreCase)
            && condition.Operator is "StringEquals" or "StringEqualsIgnoreCase" or "StringLike"
            && condition.Values.Count > 0
            && condition.Values.All(v => SubjectComponent(v, GitLabClaimNames.EnvironmentProtected) is not null
                                         || SubjectComponent(v, GitLabClaimNames.DeploymentTier) is not null);
    }

    private static bool PinsEnvironment(AzureFederatedCredential credential)
    {
        if (credential.Subject is { } subject)
        {
            return SubjectComponent(subject, GitLabClaimNames.EnvironmentProtected) is not null
                || SubjectComponent(subject, GitLabClaimNames.DeploymentTier) is not null;
        }

        // A flexible expression's patterns are over the same sub: a literal component name in them pins it too.
        return credential.ClaimsMatchingExpression is { } expression
            && (expression.Contains(GitLabClaimNames.EnvironmentProtected + ":", StringComparison.Ordinal)
                || expression.Contains(GitLabClaimNames.DeploymentTier + ":", StringComparison.Ordinal));
    }

    /// <summary>The value of component <paramref name="name"/> in a rendered sub (<c>name:value</c> pairs joined by ':').</summary>
    private static string? SubjectComponent(string subject, string name)
    {
        // Git refs and GitLab paths cannot hold ':', so the pairs split cleanly.
        var parts = subject.Split(':');
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            if (parts[i] == name)
            {
                return parts[i + 1];
            }
        }

        return null;
    }
}

/// <summary>A provider's answer to one aud; <see cref="Reasons"/> are the engine's words when it refuses.</summary>
internal sealed record AudienceAnswer(bool IsRefused, bool IsKnown, IReadOnlyList<string> Reasons)
{
    public static AudienceAnswer Accepted { get; } = new(false, true, []);

    public static AudienceAnswer Unknown { get; } = new(false, false, []);

    public static AudienceAnswer Refused(IReadOnlyList<string> reasons) => new(true, true, reasons);
}

/// <summary>Why an identity needs an environment: the trust clause in words, where it was written, and the tier it names.</summary>
internal sealed record EnvironmentPin(string Why, string Source, string? Tier);
