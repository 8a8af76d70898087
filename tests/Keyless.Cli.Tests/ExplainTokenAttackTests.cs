using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.Testing;

namespace Keyless.Cli.Tests;

/// <summary>
/// <c>keyless explain --token FILE --jwks JWKS.json</c> as a process, against forged tokens: each is refused (non-zero
/// exit, the cloud's own words, no stack trace, the token never echoed) and the genuine token of the same claims is
/// allowed, so the refusals are about the forgery and nothing else. Keys are generated per run.
/// </summary>
public sealed class ExplainTokenAttackTests : IDisposable
{
    private const string Kid = "gitlab-key-1";

    // STS's words (cloud-semantics A9): a known key that does not verify, and a key that cannot be chosen.
    private const string BadSignature = "Unable to verify the ID Token signature.";
    private const string NoKey = "Error connecting to the given credential's issuer.";
    private const string Stale = "is stale to sign-in";

    private static readonly RSA Genuine = RSA.Create(2048);
    private static readonly RSA Attacker = RSA.Create(2048);

    private readonly string _dir = Directory.CreateTempSubdirectory("keyless-explain-attack-").FullName;
    private readonly string _jwks;

    public ExplainTokenAttackTests()
    {
        _jwks = Path.Combine(_dir, "jwks.json");
        File.WriteAllText(_jwks, new JsonObject { ["keys"] = new JsonArray(Jwk(Genuine, Kid)) }.ToJsonString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Forgeries => [.. Forge.Keys];

    private static readonly Dictionary<string, (Func<string> Token, string Words)> Forge = new(StringComparer.Ordinal)
    {
        ["alg none, no signature"] = (() => Unsigned("none", string.Empty), NoKey),
        ["alg None"] = (() => Unsigned("None", string.Empty), NoKey),
        ["alg NONE with the genuine signature"] = (() => Unsigned("NONE", Token().Split('.')[2]), NoKey),
        ["alg nOnE"] = (() => Unsigned("nOnE", "x"), NoKey),
        ["HS256 keyed with the RSA public key (PEM)"] = (() => Hmac(Encoding.ASCII.GetBytes(Genuine.ExportSubjectPublicKeyInfoPem())), NoKey),
        ["HS256 keyed with the RSA public key (DER)"] = (() => Hmac(Genuine.ExportSubjectPublicKeyInfo()), NoKey),
        ["HS256 keyed with the JWK modulus"] = (() => Hmac(Genuine.ExportParameters(false).Modulus!), NoKey),
        ["ES256 header over an RS256 signature"] = (() => Token(header: Header("ES256", Kid)), NoKey),
        ["a valid signature from another key under the genuine kid"] = (() => Token(key: Attacker), BadSignature),
        ["a valid signature from another key under its own kid"] = (() => Token(key: Attacker, header: Header("RS256", "attacker")), NoKey),
        ["jwk header carrying the attacker's key"] = (() => Token(key: Attacker, header: Header("RS256", "attacker", ("jwk", Jwk(Attacker, "attacker")))), NoKey),
        ["jwk header under the genuine kid"] = (() => Token(key: Attacker, header: Header("RS256", Kid, ("jwk", Jwk(Attacker, Kid)))), BadSignature),
        ["jku header naming the attacker's key set"] = (() => Token(key: Attacker, header: Header("RS256", "attacker", ("jku", "http://127.0.0.1:9/jwks.json"))), NoKey),
        ["x5u header naming the attacker's certificate"] = (() => Token(key: Attacker, header: Header("RS256", "attacker", ("x5u", "http://127.0.0.1:9/cert.pem"))), NoKey),
        ["kid unknown, signed by the genuine key"] = (() => Token(header: Header("RS256", "rotated-away")), NoKey),
        ["kid path-like"] = (() => Token(header: Header("RS256", "../../../../dev/null")), NoKey),
        ["truncated signature"] = (() => Token()[..^12], BadSignature),
        ["empty signature"] = (() => Token()[..(Token().LastIndexOf('.') + 1)], BadSignature),
        ["claims changed after signing"] = (() => Resign(Token(), Claims(c => c["project_id"] = "666")), BadSignature),
        ["expired, genuinely signed"] = (() => Token(claims: Claims(c => { c["iat"] = Now - 7200; c["nbf"] = Now - 7200; c["exp"] = Now - 3600; })), Stale),
    };

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    [Fact]
    public async Task The_genuine_token_is_verified_and_allowed()
    {
        var run = await Explain(Token());

        Assert.Equal(0, run.ExitCode);
        var decisions = JsonNode.Parse(run.StdOut)!["decisions"]!.AsArray();
        Assert.Contains(decisions, d => d!["decision"]!.GetValue<string>() == "allow");
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_token_is_refused_in_the_clouds_words_without_echoing_it(string forgery)
    {
        var (make, words) = Forge[forgery];
        var token = make();

        var run = await Explain(token);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(words, run.StdOut + run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.StdOut + run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[^1] is { Length: > 16 } sig ? sig : token, run.StdOut + run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(token, run.StdOut + run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issuer_with_line_breaks_cannot_forge_output_lines()
    {
        var token = Token(header: Header("RS256", "rotated-away"), claims: Claims(c => c["iss"] = "https://gitlab.com\nALLOW forged-line"));

        var run = await Explain(token);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("AADSTS7000272", run.StdOut + run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("\nALLOW forged-line", run.StdOut + run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_genuine_token_is_verified_with_keys_fetched_from_the_issuer()
    {
        var jwks = await File.ReadAllTextAsync(_jwks, TestContext.Current.CancellationToken);
        using var issuer = new LoopbackHttpServer(context => Answer(context, context.Request.Url!.AbsolutePath == "/jwks.json"
            ? jwks
            : new JsonObject { ["jwks_uri"] = $"http://127.0.0.1:{context.Request.Url.Port}/jwks.json" }.ToJsonString()));

        var run = await ExplainWithIssuer(Token(), issuer.Origin);

        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData("""{"jwks_uri":"not a url"}""")]
    [InlineData("""{"jwks_uri":"/jwks.json"}""")]
    [InlineData("""{"jwks_uri":"file:///etc/passwd"}""")]
    [InlineData("""{"jwks_uri":"http://127.0.0.1:9/a","jwks_uri":"http://127.0.0.1:9/b"}""")]
    [InlineData("""{"jwks_uri":"\uD800"}""")]
    [InlineData("not json")]
    public async Task A_bad_discovery_document_is_exit_2_naming_the_issuer_option(string discovery)
    {
        using var issuer = new LoopbackHttpServer(context => Answer(context, discovery));

        var run = await ExplainWithIssuer(Token(), issuer.Origin);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --issuer:", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.StdErr, StringComparison.Ordinal);
    }

    private static async Task Answer(System.Net.HttpListenerContext context, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private async Task<KeylessRun> ExplainWithIssuer(string token, string issuer)
    {
        var file = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".jwt");
        await File.WriteAllTextAsync(file, token, TestContext.Current.CancellationToken);
        return await KeylessProcess.RunAsync("explain", "--format", "json", "--token", file, "--issuer", issuer, Path.Combine(RepoPaths.Examples, "gcp-hardened-gcloud"));
    }

    private async Task<KeylessRun> Explain(string token)
    {
        var file = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".jwt");
        await File.WriteAllTextAsync(file, token, TestContext.Current.CancellationToken);
        return await KeylessProcess.RunAsync("explain", "--format", "json", "--token", file, "--jwks", _jwks, Path.Combine(RepoPaths.Examples, "gcp-hardened-gcloud"));
    }

    private static JsonObject Claims(Action<JsonObject>? change = null)
    {
        var claims = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Examples, "tokens", "main-protected.json")))!.AsObject();
        var now = Now;
        claims["iat"] = now;
        claims["nbf"] = now - 5;
        claims["exp"] = now + 3600;
        change?.Invoke(claims);
        return claims;
    }

    private static JsonObject Header(string alg, string kid, params (string Name, JsonNode Value)[] extra)
    {
        var header = new JsonObject { ["alg"] = alg, ["typ"] = "JWT", ["kid"] = kid };
        foreach (var (name, value) in extra)
        {
            header[name] = value;
        }

        return header;
    }

    private static string Token(RSA? key = null, JsonObject? header = null, JsonObject? claims = null)
    {
        var input = B64(Encoding.UTF8.GetBytes((header ?? Header("RS256", Kid)).ToJsonString())) + "." + B64(Encoding.UTF8.GetBytes((claims ?? Claims()).ToJsonString()));
        return input + "." + B64((key ?? Genuine).SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>The genuine header and signature around other claims.</summary>
    private static string Resign(string token, JsonObject claims)
    {
        var parts = token.Split('.');
        return parts[0] + "." + B64(Encoding.UTF8.GetBytes(claims.ToJsonString())) + "." + parts[2];
    }

    private static string Unsigned(string alg, string signature) =>
        B64(Encoding.UTF8.GetBytes(new JsonObject { ["alg"] = alg, ["typ"] = "JWT", ["kid"] = Kid }.ToJsonString())) + "."
        + B64(Encoding.UTF8.GetBytes(Claims().ToJsonString())) + "." + signature;

    private static string Hmac(byte[] secret)
    {
        var input = B64(Encoding.UTF8.GetBytes(Header("HS256", Kid).ToJsonString())) + "." + B64(Encoding.UTF8.GetBytes(Claims().ToJsonString()));
        return input + "." + B64(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }

    private static JsonObject Jwk(RSA key, string kid)
    {
        var p = key.ExportParameters(false);
        return new JsonObject { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = kid, ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!) };
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
