using System.Text.Json.Nodes;
using Keyless.Formats.Inputs.Tokens;
using Keyless.Trust.Diagnostics;

namespace Keyless.Cli.Commands.Explain;

/// <summary>Reads the token or claims explain and decode take, and verifies a JWT's signature when asked.</summary>
internal static class TokenSource
{
    /// <summary>The text of FILE, or of standard input for <c>-</c>.</summary>
    public static string ReadText(string file, string option)
    {
        try
        {
            return file == "-" ? Console.In.ReadToEnd() : File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(option == "--token" || option == "TOKEN" ? file : file, $"cannot read {option} '{file}': {e.Message}");
        }
    }

    public static async Task<JsonObject> ClaimsOfTokenAsync(string file, string? jwks, string? issuer, CancellationToken cancellationToken)
    {
        var source = file == "-" ? "<stdin>" : file;
        var jwt = JwtParts.Decode(ReadText(file, "--token"), source);
        if (jwks is not null || issuer is not null)
        {
            var (keys, keysSource) = jwks is not null
                ? (ReadText(jwks, "--jwks"), jwks)
                : (await FetchJwksAsync(issuer!, cancellationToken).ConfigureAwait(false), issuer!);
            if (await JwtSignature.VerifyAsync(jwt, keys, keysSource).ConfigureAwait(false) is { } problem)
            {
                throw new InputException(source, problem);
            }
        }

        return jwt.Claims;
    }

    private static async Task<string> FetchJwksAsync(string issuer, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(issuer.TrimEnd('/') + "/.well-known/openid-configuration", UriKind.Absolute, out var discovery)
            || discovery.Scheme is not ("https" or "http"))
        {
            throw new InputException("--issuer", $"'{issuer}' is not an http(s) URL");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        try
        {
            var config = JsonNode.Parse(await http.GetStringAsync(discovery, cancellationToken).ConfigureAwait(false)) as JsonObject;
            var jwksUri = config?["jwks_uri"]?.GetValue<string>()
                ?? throw new InputException("--issuer", $"{discovery} has no jwks_uri");
            return await http.GetStringAsync(new Uri(jwksUri), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new InputException("--issuer", $"cannot fetch the issuer's keys from {discovery}: {e.Message}");
        }
    }
}
