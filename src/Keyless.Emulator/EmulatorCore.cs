using System.Text.Json.Nodes;
using Keyless.Emulator.Entra;
using Keyless.Emulator.Gcp;
using Keyless.Emulator.Http;
using Keyless.Emulator.GitLab;
using Keyless.Emulator.Issuer;
using Keyless.Emulator.Reads;
using Keyless.Emulator.Verification;
using Keyless.Trust.Evaluation;
using Keyless.Trust.Model;

namespace Keyless.Emulator;

/// <summary>
/// The whole emulator behind one call: a request in, a response out, with no web framework in sight. It owns the
/// issuer and Entra signing keys (memory only) and routes each path to the endpoint that serves it; any host
/// (ASP.NET Core, or a test calling <see cref="HandleAsync"/> directly) only moves bytes.
/// </summary>
public sealed class EmulatorCore : IDisposable
{
    private readonly SigningKey _issuerKey;
    private readonly SigningKey _entraKey;
    private readonly IssuerPolicy _policy;
    private readonly MintEndpoint _mint;
    private readonly StsEndpoint _sts;
    private readonly IntrospectEndpoint _introspect;
    private readonly IamCredentialsEndpoint _iam;
    private readonly EntraTokenEndpoint _entra;
    private readonly EntraTenants _tenants;
    private readonly ArmEndpoint _arm;
    private readonly ReaderCredentials _readers;
    private readonly ReadApis _reads;
    private readonly ReadScopes _scopes;
    private readonly Aws.AwsStsEndpoint _awsSts;
    private readonly TimeProvider _time;
    private readonly bool _ownsKeys;

    public EmulatorCore(TrustSet trust, EmulatorOptions options, TimeProvider time)
        : this(trust, options, time, SigningKey.Generate(), SigningKey.Generate(), ownsKeys: true)
    {
    }

    /// <summary>With given keys, which the caller keeps owning (tests share one pair instead of generating RSA keys each time).</summary>
    internal EmulatorCore(TrustSet trust, EmulatorOptions options, TimeProvider time, SigningKey issuerKey, SigningKey entraKey, bool ownsKeys = false)
    {
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _ownsKeys = ownsKeys;
        _issuerKey = issuerKey;
        _entraKey = entraKey;
        _policy = new IssuerPolicy(TrustIssuers(trust), options.IssuerUrl);
        var keys = new IssuerKeys(_issuerKey, _policy, options.Fetcher);
        var store = new GcpTokenStore(time);
        var gcp = new GcpEvaluator(trust, time);
        var tokens = new EntraAccessTokens(_entraKey, time);
        _tenants = new EntraTenants(trust);
        _mint = new MintEndpoint(new GitLabTokenMinter(_issuerKey, _policy, trust, time), options.Log, time);
        _sts = new StsEndpoint(gcp, keys, store, options.Log, time);
        _introspect = new IntrospectEndpoint(store);
        _iam = new IamCredentialsEndpoint(gcp, store, options.Log, time);
        _entra = new EntraTokenEndpoint(new AzureEvaluator(trust, time), keys, tokens, _tenants, options.Log, time);
        var gcpReads = new GcpReadModel(trust);
        var graph = new GraphReadModel(trust);
        var arm = new ArmReadModel(trust);
        var gitlab = new GitLabReadModel(trust, options.GitLabVariables);
        var iam = new Aws.IamReadModel(trust);
        _arm = new ArmEndpoint(tokens, arm.Subscriptions);
        _readers = new ReaderCredentials(store, tokens, time);
        _reads = new ReadApis(
        [
            new GcpReadApi(gcpReads, store, resourceManager: false, options.MaxPageSize, new GcpHierarchy(options)),
            new GcpReadApi(gcpReads, store, resourceManager: true, options.MaxPageSize, new GcpHierarchy(options)),
            new GraphApi(graph, tokens, time, options.MaxPageSize),
            new ArmIdentitiesApi(arm, tokens, options.MaxPageSize),
            new GitLabApi(gitlab, _readers, options.MaxPageSize),
            new Aws.IamQueryApi(iam, _readers, options.MaxPageSize),
        ], options.Faults);
        _scopes = new ReadScopes(gcpReads, graph, arm, gitlab, trust) { AwsAccounts = iam.Roles.Count + iam.Providers.Count + iam.Users.Count > 0 ? [iam.Account] : [] };
        _awsSts = new Aws.AwsStsEndpoint(new AwsEvaluator(trust, time), keys, options.Log, time, _readers.AdmitAwsKey);
    }

    public IssuerPolicy Issuers => _policy;

    /// <summary>What the read APIs serve: GCP projects, Entra tenants and subscriptions, GitLab projects, the AWS account.</summary>
    public ReadScopes Scopes => _scopes;

    /// <summary>Requests each read API has answered so far, by API name.</summary>
    public IReadOnlyDictionary<string, int> ReadCalls => _reads.Calls;

    /// <summary>The issuer's public key id, for tests and the start-up banner.</summary>
    public string IssuerKeyId => _issuerKey.KeyId;

    public async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path.Length > 1 && request.Path.EndsWith('/') ? request.Path[..^1] : request.Path;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var get = request.Method == "GET" || request.Method == "HEAD";
        var post = request.Method == "POST";

        // Fixed paths first.
        switch (path)
        {
            case "/" when get:
                return EmulatorResponse.Json(200, Index());
            case "/" when post && Aws.AwsStsEndpoint.IsQuery(request):
                // AWS serves STS's and IAM's Query APIs at the root of their endpoints, so --endpoint-url is the emulator's
                // URL for both: IAM's read actions go to the read APIs (counted, faults played), any other Action to STS.
                return await _reads.HandleAsync(request, cancellationToken).ConfigureAwait(false)
                       ?? await _awsSts.HandleAsync(request, cancellationToken).ConfigureAwait(false);
            case GitLabDiscovery.DiscoveryPath when get:
                return EmulatorResponse.Json(200, GitLabDiscovery.Document(_policy.DefaultIssuer ?? _policy.StandIns[0], request.BaseUrl));
            case GitLabDiscovery.KeysPath or GitLabDiscovery.LegacyKeysPath when get:
                return EmulatorResponse.Json(200, GitLabDiscovery.Keys(_issuerKey));
            case MintEndpoint.Path when post:
                return _mint.Handle(request);
            case StsEndpoint.Path when post:
                return await _sts.HandleAsync(request, cancellationToken).ConfigureAwait(false);
            case IntrospectEndpoint.Path when post:
                return _introspect.Handle(request);
            case ReaderCredentials.Path when post:
                return _readers.Handle(request);
            case "/subscriptions" or "/arm/subscriptions" when get:
                return await _arm.HandleAsync(request, tenants: false).ConfigureAwait(false);
            case "/tenants" or "/arm/tenants" when get:
                return await _arm.HandleAsync(request, tenants: true).ConfigureAwait(false);
            case "/adfs/.well-known/openid-configuration" when get:
                return EmulatorResponse.Json(200, EntraDiscovery.Adfs(request.BaseUrl));
            case "/adfs/discovery/keys" when get:
                return EmulatorResponse.Json(200, GitLabDiscovery.Keys(_entraKey));
            case "/adfs/oauth2/token" when post:
                return await _entra.HandleAsync(request, "adfs", cancellationToken).ConfigureAwait(false);
        }

        if (post && IamCredentialsEndpoint.ServiceAccountOf(path) is { } serviceAccount)
        {
            return _iam.Handle(request, serviceAccount);
        }

        if (await _reads.HandleAsync(request with { Path = path }, cancellationToken).ConfigureAwait(false) is { } read)
        {
            return read;
        }

        if (segments.Length >= 2 && !segments[0].Equals("adfs", StringComparison.OrdinalIgnoreCase))
        {
            var tenant = segments[0];
            var rest = string.Join('/', segments.Skip(1));
            switch (rest)
            {
                case "oauth2/v2.0/token" when post:
                    return await _entra.HandleAsync(request, tenant, cancellationToken).ConfigureAwait(false);
                case "v2.0/.well-known/openid-configuration" when get:
                    return _tenants.Refuses(tenant)
                        ? AadstsResponse.Create(EntraErrors.UnknownTenant(tenant), 90002, _time.GetUtcNow())
                        : EmulatorResponse.Json(200, EntraDiscovery.Tenant(request.BaseUrl, tenant));
                case "discovery/v2.0/keys" or "discovery/keys" when get:
                    return EmulatorResponse.Json(200, GitLabDiscovery.Keys(_entraKey));
            }
        }

        // az CLI first asks /adfs/{tenant}/… for discovery; the tenant plays no part in ADFS.
        if (segments.Length == 4 && segments[0].Equals("adfs", StringComparison.OrdinalIgnoreCase))
        {
            switch (string.Join('/', segments.Skip(2)))
            {
                case ".well-known/openid-configuration" when get:
                    return EmulatorResponse.Json(200, EntraDiscovery.Adfs(request.BaseUrl));
                case "oauth2/token" when post:
                    return await _entra.HandleAsync(request, "adfs", cancellationToken).ConfigureAwait(false);
            }
        }

        return EmulatorResponse.NotFound(path);
    }

    public void Dispose()
    {
        if (_ownsKeys)
        {
            _issuerKey.Dispose();
            _entraKey.Dispose();
        }
    }

    private JsonObject Index() => new()
    {
        ["emulator"] = "keyless",
        ["issuer"] = _policy.DefaultIssuer,
        ["stands_in_for"] = new JsonArray([.. _policy.StandIns.Select(i => (JsonNode)i)]),
        ["kid"] = _issuerKey.KeyId,
        ["reads"] = _scopes.ToJson(),
    };

    private static IEnumerable<string> TrustIssuers(TrustSet trust) =>
        trust.Providers.Select(p => p.IssuerUri)
            .Concat(trust.AzureIdentities.SelectMany(i => i.Credentials).Select(c => c.Issuer))
            .Concat(trust.AwsProviders.Select(p => "https://" + p.Url))
            .OfType<string>();
}
