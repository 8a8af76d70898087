using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Keyless.Formats.Inputs;
using Keyless.Trust.Diagnostics;

namespace Keyless.Pull.Auth;

/// <summary>
/// An access key from a running <c>keyless emulate</c> (<c>POST /-/keyless/reader-token</c> with <c>{"api": "aws"}</c>,
/// answered in the shape of AWS's container credentials endpoint), so <c>pull aws --emulator</c> needs no account.
/// </summary>
public sealed class EmulatorAwsCredentials(HttpClient http, Uri emulator) : IAwsCredentialSource
{
    private ImmutableCredentials? _credentials;

    public string Description => "keyless emulate reader key (aws)";

    public async Task<ImmutableCredentials> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (_credentials is not null && !refresh)
        {
            return _credentials;
        }

        var url = new Uri(emulator, "-/keyless/reader-token");
        try
        {
            using var content = new StringContent("{\"api\":\"aws\"}", Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            var answer = StrictJson.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), 16);
            _credentials = Text(answer, "AccessKeyId") is { } id && Text(answer, "SecretAccessKey") is { } secret
                ? new ImmutableCredentials(id, secret, Text(answer, "Token") is { Length: > 0 } token ? token : null)
                : throw new InputException("--emulator", $"the emulator at {emulator} gave no reader key (HTTP {(int)response.StatusCode})");
            return _credentials;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new InputException("--emulator", $"no emulator answered at {emulator}: {e.Message}");
        }
    }

    private static string? Text(JsonNode? node, string name) => node?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
