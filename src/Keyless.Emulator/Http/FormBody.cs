using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;

namespace Keyless.Emulator.Http;

/// <summary>
/// Reads a request body into name → value fields: <c>application/x-www-form-urlencoded</c> as google-auth, MSAL and
/// Azure.Identity send it, or a JSON object as google-github-actions and GitLab's guide send to STS. A name given
/// twice is refused rather than guessed at.
/// </summary>
public static class FormBody
{
    public static (IReadOnlyDictionary<string, string>? Fields, string? Error) Parse(string? contentType, string body)
    {
        var mediaType = (contentType ?? string.Empty).Split(';')[0].Trim();
        if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return ParseJson(body);
        }

        return ParseForm(body);
    }

    public static (IReadOnlyDictionary<string, string>? Fields, string? Error) ParseForm(string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var range in body.AsSpan().Split('&'))
        {
            var pair = body.AsSpan(range);
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (!fields.TryAdd(name, value))
            {
                return (null, $"the parameter '{name}' is given more than once");
            }
        }

        return (fields, null);
    }

    private static (IReadOnlyDictionary<string, string>? Fields, string? Error) ParseJson(string body)
    {
        JsonObject? obj;
        try
        {
            obj = StrictJson.Parse(body, 16) as JsonObject;
        }
        catch (JsonException e)
        {
            return (null, "the body is not valid JSON: " + e.Message);
        }

        if (obj is null)
        {
            return (null, "the body is not a JSON object");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in obj)
        {
            fields[name] = value switch
            {
                null => string.Empty,
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                _ => value.ToJsonString(),
            };
        }

        return (fields, null);
    }

    // Most values (a JWT, a grant type) carry neither '+' nor '%', and are taken as they are.
    private static string Decode(ReadOnlySpan<char> text) =>
        text.ContainsAny('+', '%') ? Uri.UnescapeDataString(text.ToString().Replace('+', ' ')) : text.ToString();
}
