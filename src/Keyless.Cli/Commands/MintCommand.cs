using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Cli.Infrastructure;
using Keyless.Formats.Inputs.Tokens;
using Keyless.Trust.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using Keyless.Formats.Inputs;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless mint</c>: asks a running emulator to sign claims as GitLab would (filling iss, iat, nbf, exp, jti and
/// sub) and prints the token. Printing a token is exactly what the user asked for here, and the only place Keyless
/// does it.
/// </summary>
internal sealed class MintCommand : AsyncCommand<MintCommand.Settings>
{
    public sealed class Settings : KeylessSettings
    {
        [CommandOption("--emulator <URL>")]
        [Description("The running emulator (keyless emulate prints it).")]
        [DefaultValue("http://127.0.0.1:8080")]
        public string Emulator { get; init; } = "http://127.0.0.1:8080";

        [CommandOption("--claims <FILE>")]
        [Description("The job's claims as JSON or YAML ('-' for standard input, written --claims=-); iss, iat, nbf, exp, jti and sub are filled when absent.")]
        public string? Claims { get; init; }

        [CommandOption("--job-timeout <SECONDS>")]
        [Description("The job timeout, which GitLab uses as the token lifetime (default 3600, the project default).")]
        public int? JobTimeout { get; init; }

        [CommandOption("--sub-components <LIST>")]
        [Description("ci_id_token_sub_claim_components, comma-separated (default: the trust's project setting, else project_path,ref_type,ref).")]
        public string? SubComponents { get; init; }

        [CommandOption("--ca-file <PEM>")]
        [Description("Trust this certificate for an https --emulator (the PEM keyless emulate wrote).")]
        public string? CaFile { get; init; }

        public override ValidationResult Validate()
        {
            if (Claims is null)
            {
                return ValidationResult.Error("--claims FILE is required");
            }

            if (!Uri.TryCreate(Emulator, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                return ValidationResult.Error($"--emulator: '{Emulator}' is not an http(s) URL");
            }

            return JobTimeout is <= 0 ? ValidationResult.Error("--job-timeout must be a positive number of seconds") : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var source = settings.Claims == "-" ? "<stdin>" : settings.Claims!;
        var claims = ClaimsReader.Read(source, InputText.Read(settings.Claims!, "--claims"));
        var body = new JsonObject { ["claims"] = claims };
        if (settings.JobTimeout is { } timeout)
        {
            body["job_timeout_seconds"] = timeout;
        }

        if (settings.SubComponents is { } list)
        {
            body["sub_claim_components"] = new JsonArray([.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => (JsonNode)c)]);
        }

        using var http = new HttpClient(Keyless.Pull.Http.TrustedHandler.Create(settings.CaFile)) { Timeout = TimeSpan.FromSeconds(30) };
        var url = new Uri(new Uri(settings.Emulator.TrimEnd('/') + "/"), "-/keyless/mint");
        JsonObject? answer;
        int status;
        try
        {
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            answer = StrictJson.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), 64) as JsonObject;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or NotSupportedException)
        {
            throw new InputException("--emulator", $"no emulator answered at {settings.Emulator}: {e.Message}");
        }

        if (answer?["token"] is JsonValue token && token.TryGetValue<string>(out var jwt))
        {
            Console.Out.WriteLine(jwt);
            return ExitCodes.Ok;
        }

        var why = answer?["error_description"]?.ToString() ?? $"HTTP {status}";
        throw new InputException(source, "the emulator would not mint these claims: " + why);
    }
}
