using System.Text;
using System.Text.Json.Nodes;
using Keyless.Trust.Diagnostics;

namespace Keyless.Formats.Inputs.Tokens;

/// <summary>A compact JWT split and decoded, without any trust in it yet.</summary>
public sealed record JwtParts(string Compact, JsonObject Header, JsonObject Claims)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes a compact JWS (<c>header.payload.signature</c>); <paramref name="source"/> names it in errors.</summary>
    public static JwtParts Decode(string compact, string source)
    {
        ArgumentNullException.ThrowIfNull(compact);
        var token = compact.Trim();
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw new InputException(source, $"not a JWT: expected 3 dot-separated parts, found {parts.Length}");
        }

        return new JwtParts(token, Segment(parts[0], "header", source), Segment(parts[1], "payload", source));
    }

    // Strict base64url (no padding, no '+', '/' or whitespace) and strict UTF-8, as the emulator's verifier reads a
    // token: explain and login must not accept a token the clouds would refuse, or read bytes nobody signed.
    private static JsonObject Segment(string part, string name, string source)
    {
        if (part.Length == 0 || !System.Buffers.Text.Base64Url.IsValid(part) || part.AsSpan().ContainsAny(" \t\r\n="))
        {
            throw new InputException(source, $"not a JWT: the {name} is not base64url");
        }

        string json;
        try
        {
            json = StrictUtf8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(part));
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(source, $"not a JWT: the {name} is not UTF-8");
        }

        JsonNode? node;
        try
        {
            node = JsonInput.Parse(source, json);
        }
        catch (InputException e)
        {
            // The place in the decoded JSON means nothing in the compact token: the segment is named instead.
            throw new InputException(source, $"not a JWT: the {name} is not JSON ({e.Message})");
        }

        return node as JsonObject ?? throw new InputException(source, $"not a JWT: the {name} is not a JSON object");
    }

    // A record prints every member; the compact token is a credential.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Compact = [redacted], Header = ").Append(Header.ToJsonString()).Append(", Claims = [").Append(Claims.Count).Append(" claims]");
        return true;
    }
}
