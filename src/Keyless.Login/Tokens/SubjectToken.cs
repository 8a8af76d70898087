using System.Text.Json.Nodes;
using Keyless.Formats.Inputs.Tokens;
using Keyless.Trust.Claims;
using Keyless.Trust.Diagnostics;

namespace Keyless.Login.Tokens;

/// <summary>
/// The job's <c>id_tokens</c> JWT, decoded but not verified: the cloud verifies it, Keyless only reads its claims to
/// say beforehand what the cloud will think of them. <see cref="ToString"/> never shows the token, so a stray
/// interpolation cannot print it; only <see cref="Value"/> does, and only the HTTP clients read that.
/// </summary>
public sealed class SubjectToken
{
    /// <summary>GitLab's tokens are a few kilobytes; anything far larger is not an id_token.</summary>
    public const int MaxLength = 64 * 1024;

    private SubjectToken(string value, string source, JsonObject header, TokenClaims claims)
    {
        Value = value;
        Source = source;
        Header = header;
        Claims = claims;
    }

    /// <summary>The compact JWT, exactly as it goes to the cloud.</summary>
    public string Value { get; }

    /// <summary>Where it came from, for messages: <c>$GITLAB_OIDC_TOKEN</c> or a file path.</summary>
    public string Source { get; }

    public JsonObject Header { get; }

    public TokenClaims Claims { get; }

    /// <summary>The signing key id from the header, if any.</summary>
    public string? KeyId => Text(Header, "kid");

    public string? Algorithm => Text(Header, "alg");

    /// <summary>Reads the token from a file (a GitLab file variable, or one the job wrote).</summary>
    public static SubjectToken FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxLength)
            {
                throw new InputException(path, $"is {info.Length} bytes; an id_token is a few kilobytes, so this is not one");
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, "cannot read the token: " + e.Message);
        }

        return Parse(text, path);
    }

    /// <summary>Reads the token from an environment variable, so it never appears in the process list.</summary>
    public static SubjectToken FromEnvironment(string name, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(environment);
        var source = "$" + name;
        var text = environment(name)
            ?? throw new InputException(source,
                $"the environment variable {name} is not set; declare it under id_tokens: in the job (id_tokens: {name}: aud: …)");
        return Parse(text, source);
    }

    /// <summary>Decodes a compact JWS. Errors name <paramref name="source"/> and never quote the token.</summary>
    public static SubjectToken Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var token = text.Trim();
        if (token.Length == 0)
        {
            throw new InputException(source, "is empty; is the id_tokens name right, and does the job declare it?");
        }

        if (token.Length > MaxLength)
        {
            throw new InputException(source, $"is {token.Length} characters; an id_token is a few kilobytes, so this is not one");
        }

        // The shared decoder refuses duplicate claims and reads every string, so a hostile payload is exit 2 here
        // rather than an exception on the first claim the diagnosis looks at.
        JwtParts jwt;
        try
        {
            jwt = JwtParts.Decode(token, source);
        }
        catch (InputException e)
        {
            // Its messages name the segment and never quote the token.
            throw new InputException(source, "is " + e.Message);
        }

        return new SubjectToken(token, source, jwt.Header, TokenClaims.FromJwtPayload(jwt.Claims));
    }

    public override string ToString() => $"[id_token from {Source}]";

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
