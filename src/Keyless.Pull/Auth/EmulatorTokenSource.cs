using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Trust.Diagnostics;

namespace Keyless.Pull.Auth;

/// <summary>
/// Credentials from a running <c>keyless emulate</c> (<c>POST /-/keyless/reader-token</c>, loopback only): a reader
/// token for one API, in that API's own shape, so a pull against the emulator needs no account.
/// </summary>
public sealed class EmulatorTokenSource(HttpClient http, Uri emulator, string api, string? tenant = null) : ITokenSource
{
    private string? _token;

    public string Description => $"keyless emulate reader token ({api})";

    public async Task<string> GetTokenAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (_token is not null && !refresh)
        {
            return _token;
        }

        var body = new JsonObject { ["api"] = api };
        if (tenant is not null)
        {
            body["tenant"] = tenant;
        }

        var url = new Uri(emulator, "-/keyless/reader-token");
        try
        {
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            var answer = StrictJson.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), 16);
            _token = answer?["access_token"] is JsonValue v && v.TryGetValue<string>(out var token) ? token
                : throw new InputException("--emulator", $"the emulator at {emulator} gave no reader token (HTTP {(int)response.StatusCode})");
            return _token;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new InputException("--emulator", $"no emulator answered at {emulator}: {e.Message}");
        }
    }
}
