using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Trust.Evaluation;
using Keyless.Formats.Inputs;

namespace Keyless.Login.Http;

/// <summary>Reading the clouds' JSON answers, tolerantly: a proxy's HTML error page must become a clear error too.</summary>
internal static class ResponseJson
{
    private const int MaxQuoted = 300;

    public static JsonObject? Parse(string body)
    {
        try
        {
            return StrictJson.Parse(body, 32) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Text(JsonObject? o, string name) =>
        o?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>An integer that may come as a number or a string (google-auth tolerates both for expires_in).</summary>
    public static long? Integer(JsonObject? o, string name) => o?[name] switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) && double.IsFinite(d) => (long)d,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };

    /// <summary>OAuth's <c>{error, error_description}</c> (STS, Entra).</summary>
    public static CloudError OAuthError(HttpOutcome outcome)
    {
        var json = Parse(outcome.Body);
        return Text(json, "error") is { } error
            ? new CloudError(outcome.Status, error, Text(json, "error_description") ?? string.Empty)
            : NotJson(outcome);
    }

    /// <summary>Google APIs' <c>{"error":{code, message, status}}</c> (IAM Credentials).</summary>
    public static CloudError ApiError(HttpOutcome outcome)
    {
        var error = Parse(outcome.Body)?["error"] as JsonObject;
        return error is null
            ? NotJson(outcome)
            : new CloudError(
                (int?)Integer(error, "code") ?? outcome.Status,
                Text(error, "status") ?? $"HTTP {outcome.Status}",
                Text(error, "message") ?? string.Empty);
    }

    private static CloudError NotJson(HttpOutcome outcome)
    {
        var body = outcome.Body.Trim();
        var quoted = body.Length > MaxQuoted ? body[..MaxQuoted] + "…" : body;
        return new CloudError(outcome.Status, $"HTTP {outcome.Status}",
            quoted.Length == 0 ? "(empty body)" : "(not the expected JSON) " + quoted);
    }
}
