using System.ComponentModel;
using System.Runtime.InteropServices;
using Keyless.Cli.Infrastructure;
using Keyless.Emulator;
using Keyless.Emulator.Host;
using Keyless.Emulator.Logging;
using Keyless.Emulator.Reads;
using Keyless.Emulator.Verification;
using Keyless.Formats.Inputs;
using Keyless.Trust.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless emulate</c>: the GitLab issuer, GCP STS + IAM Credentials and the Entra token endpoint on 127.0.0.1,
/// enforcing the loaded trust with the same evaluators as explain. The decision log goes to stdout; where it
/// listens and the certificate to trust go to stderr. Runs until Ctrl+C or SIGTERM.
/// </summary>
internal sealed class EmulateCommand : AsyncCommand<EmulateCommand.Settings>
{
    public sealed class Settings : KeylessSettings
    {
        [CommandArgument(0, "<INPUTS>")]
        [Description("Trust inputs: files or folders (Terraform JSON, gcloud, az, Graph, ARM, GitLab API), as for explain.")]
        public string[] Inputs { get; init; } = [];

        [CommandOption("--http-port <PORT>")]
        [Description("HTTP port on 127.0.0.1 (0 picks a free one).")]
        [DefaultValue(EmulatorHostOptions.DefaultHttpPort)]
        public int HttpPort { get; init; } = EmulatorHostOptions.DefaultHttpPort;

        [CommandOption("--https-port <PORT>")]
        [Description("HTTPS port on 127.0.0.1 (0 picks a free one); Entra clients need HTTPS.")]
        [DefaultValue(EmulatorHostOptions.DefaultHttpsPort)]
        public int HttpsPort { get; init; } = EmulatorHostOptions.DefaultHttpsPort;

        [CommandOption("--cert-dir <DIR>")]
        [Description("Where to write the self-signed certificate (PEM) for 127.0.0.1 and localhost. Default: a keyless-emulator folder under the temporary directory.")]
        public string? CertDir { get; init; }

        [CommandOption("--issuer-url <URL>")]
        [Description("Stand in for this issuer only; tokens of the trust's other issuers are checked against their published keys. Default: stand in for every issuer the trust names.")]
        public string? IssuerUrl { get; init; }

        [CommandOption("--page-size <N>")]
        [Description("At most N items on a page of the read APIs (IAM, Graph, ARM, GitLab, AWS IAM), so every list spans pages. Default: each API's own page sizes.")]
        public int? PageSize { get; init; }

        [CommandOption("--fault <SPEC>")]
        [Description("Play a failure on the read APIs: path=TEXT,status=N or path=TEXT,drop, each optionally followed by ,retry-after=S (with a status) and ,times=N (0: every request). AWS IAM's Query API matches path=Action=NAME. Repeatable.")]
        public string[] Faults { get; init; } = [];

        [CommandOption("--gitlab-variables <OWNER=FILE>")]
        [Description("Serve the CI/CD variables in FILE (the variables API's JSON array) for OWNER: a project or group full path, or 'instance'. Repeatable.")]
        public string[] GitLabVariables { get; init; } = [];

        [CommandOption("--log-format <FORMAT>")]
        [Description("Decision log format on stdout: text or json.")]
        [DefaultValue("text")]
        public string LogFormat { get; init; } = "text";

        public override ValidationResult Validate()
        {
            if (Inputs.Length == 0)
            {
                return ValidationResult.Error("give at least one trust input (file or folder)");
            }

            foreach (var (name, port) in new[] { ("--http-port", HttpPort), ("--https-port", HttpsPort) })
            {
                if (port is < 0 or > 65535)
                {
                    return ValidationResult.Error($"{name}: {port} is not a port number (0-65535)");
                }
            }

            if (HttpPort != 0 && HttpPort == HttpsPort)
            {
                return ValidationResult.Error("--http-port and --https-port must differ");
            }

            if (IssuerUrl is not null && (!Uri.TryCreate(IssuerUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
            {
                return ValidationResult.Error($"--issuer-url: '{IssuerUrl}' is not an http(s) URL");
            }

            if (PageSize is < 1)
            {
                return ValidationResult.Error($"--page-size: {PageSize} is not a page size (1 or more)");
            }

            foreach (var fault in Faults)
            {
                if (ReadFault.Parse(fault).Error is { } error)
                {
                    return ValidationResult.Error($"--fault '{fault}': {error}");
                }
            }

            if (GitLabVariables.FirstOrDefault(v => v.IndexOf('=', StringComparison.Ordinal) is <= 0) is { } bad)
            {
                return ValidationResult.Error($"--gitlab-variables: '{bad}' is not OWNER=FILE");
            }

            return LogFormat is "text" or "json"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--log-format: '{LogFormat}' is not one of text, json");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var trust = TrustInputs.Load("emulate", settings.Inputs, TrustRequirement.AnyTrust);
        var format = settings.LogFormat == "json" ? LogFormat.Json : LogFormat.Text;
        using var http = new HttpClient();
        using var core = new EmulatorCore(trust, new EmulatorOptions
        {
            IssuerUrl = settings.IssuerUrl,
            Log = new DecisionLog(Console.Out, format),
            Fetcher = new OidcJwksFetcher(http, TimeProvider.System),
            MaxPageSize = settings.PageSize,
            Faults = [.. settings.Faults.Select(f => ReadFault.Parse(f).Fault!)],
            GitLabVariables = EmulatedVariables.Load(settings.GitLabVariables),
        }, TimeProvider.System);

        var certDir = settings.CertDir ?? Path.Combine(Path.GetTempPath(), "keyless-emulator");
        EmulatorHost host;
        try
        {
            host = await EmulatorHost.StartAsync(core, new EmulatorHostOptions
            {
                HttpPort = settings.HttpPort,
                HttpsPort = settings.HttpsPort,
                CertificateDirectory = certDir,
            }, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (CertificateDirectoryException e)
        {
            throw new InputException("--cert-dir", e.Message);
        }
        catch (IOException e)
        {
            // Kestrel reports a port it cannot bind (in use, or not ours to take) as an IOException.
            throw new InputException("--http-port/--https-port", $"cannot listen on 127.0.0.1:{settings.HttpPort} and :{settings.HttpsPort}: {e.Message}");
        }

        await using (host.ConfigureAwait(false))
        {
            Banner(trust, core, host);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
            {
                signal.Cancel = true;
                stop.Cancel();
            });
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
            {
                signal.Cancel = true;
                stop.Cancel();
            });
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop serving and exit 0.
            }
        }

        Console.Error.WriteLine("keyless emulate: stopped");
        return ExitCodes.Ok;
    }

    private static void Banner(Keyless.Trust.Model.TrustSet trust, EmulatorCore core, EmulatorHost host)
    {
        var error = Console.Error;
        var http = host.HttpUrl.ToString().TrimEnd('/');
        var https = host.HttpsUrl.ToString().TrimEnd('/');
        error.WriteLine($"keyless emulate: {trust.Providers.Count} GCP provider(s), {trust.Bindings.Count} IAM binding(s), {trust.AzureIdentities.Count} Entra identity(ies) from {trust.Files.Count} file(s)");
        error.WriteLine($"  http:        {http}");
        error.WriteLine($"  https:       {https}");
        error.WriteLine($"  certificate: {host.CertificatePath}");
        error.WriteLine("               (trust it with SSL_CERT_FILE, REQUESTS_CA_BUNDLE or CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE)");
        error.WriteLine($"  issuer:      {core.Issuers.DefaultIssuer ?? "(set iss in minted claims)"}; signs for {string.Join(", ", core.Issuers.StandIns)}");
        error.WriteLine($"  GCP:         token_url {https}/v1/token, impersonation {https}/v1/projects/-/serviceAccounts/EMAIL:generateAccessToken");
        error.WriteLine($"  Entra:       authority host {https}/ (az CLI: {https}/adfs)");
        error.WriteLine($"  mint:        keyless mint --emulator {http} --claims FILE");
        error.WriteLine($"  reads:       IAM, Resource Manager, Graph, ARM and GitLab at {https}/ (keyless pull --emulator {https})");
        error.Flush();
    }
}
