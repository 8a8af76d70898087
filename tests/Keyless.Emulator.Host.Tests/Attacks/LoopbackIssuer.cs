using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Keyless.Emulator.Host.Tests.Attacks;

/// <summary>
/// A GitLab-like OIDC issuer on a loopback port with an RSA key the tests hold: <c>/.well-known/openid-configuration</c>
/// and <c>/oauth/discovery/keys</c>, as GitLab serves them. The emulator fetches its keys like a cloud does, and the
/// tests can sign anything with the real key. Every request is counted, so a test can prove a URL from a token
/// header was never fetched.
/// </summary>
public sealed class LoopbackIssuer : IDisposable
{
    private readonly LoopbackHttpServer _server;
    private int _requests;

    public LoopbackIssuer(string path = "")
    {
        _server = new LoopbackHttpServer(AnswerAsync);
        Origin = _server.Origin;
        Url = Origin + path;
        Key = RSA.Create(2048);
        var p = Key.ExportParameters(false);
        KeyId = Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes($"{{\"e\":\"{Base64Url(p.Exponent!)}\",\"kty\":\"RSA\",\"n\":\"{Base64Url(p.Modulus!)}\"}}")));
        Jwks = new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA", ["kid"] = KeyId, ["e"] = Base64Url(p.Exponent!), ["n"] = Base64Url(p.Modulus!), ["use"] = "sig", ["alg"] = "RS256",
            }),
        }.ToJsonString();
    }

    /// <summary>The issuer URL (the <c>iss</c> its tokens carry).</summary>
    public string Url { get; }

    public string Origin { get; }

    public RSA Key { get; }

    public string KeyId { get; }

    public string Jwks { get; }

    public int Requests => Volatile.Read(ref _requests);

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose()
    {
        _server.Dispose();
        Key.Dispose();
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        var path = context.Request.Url!.AbsolutePath;
        var body = path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal)
            ? new JsonObject { ["issuer"] = Url, ["jwks_uri"] = Origin + "/oauth/discovery/keys" }.ToJsonString()
            : path == "/oauth/discovery/keys" ? Jwks : null;
        context.Response.StatusCode = body is null ? 404 : 200;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body ?? "{}");
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
