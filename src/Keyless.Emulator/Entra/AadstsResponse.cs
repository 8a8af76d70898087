using System.Globalization;
using System.Text.Json.Nodes;
using Keyless.Emulator.Http;
using Keyless.Trust.Evaluation;

namespace Keyless.Emulator.Entra;

/// <summary>
/// Entra's error body (cloud-semantics B4): <c>error</c>, <c>error_description</c> ending in
/// " Trace ID: … Correlation ID: … Timestamp: …", <c>error_codes</c>, <c>timestamp</c>, <c>trace_id</c>,
/// <c>correlation_id</c> and <c>error_uri</c>.
/// </summary>
public static class AadstsResponse
{
    public static EmulatorResponse Create(CloudError error, int? code, DateTimeOffset now)
    {
        var trace = Guid.NewGuid().ToString();
        var correlation = Guid.NewGuid().ToString();
        var timestamp = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["error"] = error.Error,
            ["error_description"] = $"{error.Description} Trace ID: {trace} Correlation ID: {correlation} Timestamp: {timestamp}",
            ["error_codes"] = code is { } c ? new JsonArray(c) : new JsonArray(),
            ["timestamp"] = timestamp,
            ["trace_id"] = trace,
            ["correlation_id"] = correlation,
        };
        if (code is { } known)
        {
            body["error_uri"] = $"https://login.microsoftonline.com/error?code={known}";
        }

        return EmulatorResponse.Token(error.HttpStatus, body);
    }
}
