using System.Text;
using System.Text.Json.Nodes;
using Keyless.Trust.Diagnostics;

namespace Keyless.Formats.Inputs.Tokens;

/// <summary>A compact JWT split and decoded, without any trust in it yet.</summary>
public sealed record JwtParts(string Compact, JsonObject Header, JsonObject Claims)
{
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

    private static JsonObject Segment(string part, string name, string source)
    {
        byte[] bytes;
        try
        {
            var padded = part.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            bytes = Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            throw new InputException(source, $"not a JWT: the {name} is not base64url");
        }

        return JsonInput.Parse($"{source} (JWT {name})", Encoding.UTF8.GetString(bytes)) as JsonObject
            ?? throw new InputException(source, $"not a JWT: the {name} is not a JSON object");
    }
}
