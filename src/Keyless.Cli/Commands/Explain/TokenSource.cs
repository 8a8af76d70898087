using System.Text.Json.Nodes;
using Keyless.Cli.Infrastructure;
using Keyless.Emulator.Verification;
using Keyless.Formats.Inputs.Tokens;
using Keyless.Trust.Diagnostics;

namespace Keyless.Cli.Commands.Explain;

/// <summary>Reads the token or claims explain and decode take, and verifies a JWT's signature when asked.</summary>
internal static class TokenSource
{
    public static async Task<JsonObject> ClaimsOfTokenAsync(string file, string? jwks, string? issuer, CancellationToken cancellationToken)
    {
        var source = file == "-" ? "<stdin>" : file;
        var jwt = JwtParts.Decode(InputText.Read(file, "--token"), source);
        if (jwks is not null || issuer is not null)
        {
            var (keys, keysSource) = jwks is not null
                ? (InputText.Read(jwks, "--jwks"), jwks)
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
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new InputException("--issuer", $"'{issuer}' is not an http(s) URL");
        }

        // The emulator's fetcher: a timeout, a size cap, an http(s)-only jwks_uri and a sentence for every failure.
        using var http = new HttpClient();
        var (json, _, error) = await new OidcJwksFetcher(http, TimeProvider.System).FetchDocumentAsync(issuer, cancellationToken).ConfigureAwait(false);
        return json ?? throw new InputException("--issuer", "cannot fetch the issuer's keys: " + error);
    }
}
