using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Keyless.Login.Diagnosis;
using Keyless.Login.Files;
using Keyless.Login.Gcp;
using Keyless.Login.Http;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless login gcp</c>: Workload Identity Federation inside the job, with no gcloud. Writes the credential
/// configuration gcloud's <c>create-cred-config</c> writes, and/or prints an access token; checks the exchange
/// first and, when STS or IAM refuses, says which claim is wrong, its value and the expected one. Exit 0, 1 for a
/// refused exchange, 2 for bad usage or input.
/// </summary>
internal sealed class LoginGcpCommand : AsyncCommand<LoginGcpCommand.Settings>
{
    public sealed class Settings : LoginSettings
    {
        [CommandOption("--provider <NAME>")]
        [Description("The workload identity provider: //iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER (or projects/NUMBER/…).")]
        public string? Provider { get; init; }

        [CommandOption("--service-account <EMAIL>")]
        [Description("Impersonate this service account (generateAccessToken). Without it, the federated token is used directly.")]
        public string? ServiceAccount { get; init; }

        [CommandOption("--output <FILE>")]
        [Description("Write the external_account credential configuration (0600) for gcloud, Terraform and Google client libraries.")]
        public string? Output { get; init; }

        [CommandOption("--print-access-token")]
        [Description("Exchange now and print only the access token on standard output.")]
        public bool PrintAccessToken { get; init; }

        [CommandOption("--lifetime <SECONDS>")]
        [Description("Service account token lifetime (default 3600; above 3600 needs constraints/iam.allowServiceAccountCredentialLifetimeExtension).")]
        public int? Lifetime { get; init; }

        [CommandOption("--sts-url <URL>")]
        [Description("STS token endpoint.")]
        [DefaultValue(Endpoints.DefaultStsUrl)]
        public string StsUrl { get; init; } = Endpoints.DefaultStsUrl;

        [CommandOption("--iamcredentials-url <URL>")]
        [Description("IAM Credentials API base; /projects/-/serviceAccounts/SA:generateAccessToken is added.")]
        [DefaultValue(Endpoints.DefaultIamCredentialsUrl)]
        public string IamCredentialsUrl { get; init; } = Endpoints.DefaultIamCredentialsUrl;

        public override ValidationResult Validate()
        {
            var common = base.Validate();
            if (!common.Successful)
            {
                return common;
            }

            if (Provider is null)
            {
                return ValidationResult.Error("--provider is required: //iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER");
            }

            if (Output is null && !PrintAccessToken)
            {
                return ValidationResult.Error("say what to produce: --output FILE (a credential configuration) and/or --print-access-token");
            }

            if (NoVerify && PrintAccessToken)
            {
                return ValidationResult.Error("--no-verify skips the exchange, so there is no access token to print");
            }

            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var request = new GcpLoginRequest
        {
            Provider = GcpProviderName.Parse(settings.Provider!),
            ServiceAccount = settings.ServiceAccount is { } sa ? GcpLoginRequest.ValidateServiceAccount(sa) : null,
            LifetimeSeconds = settings.Lifetime is { } l ? GcpLoginRequest.ValidateLifetime(l) : null,
            StsUrl = Endpoints.Require(settings.StsUrl, "--sts-url"),
            IamCredentialsUrl = Endpoints.Require(settings.IamCredentialsUrl, "--iamcredentials-url"),
            Token = settings.ReadToken(),
            Trust = settings.LoadTrust("login gcp"),
            Exchange = !settings.NoVerify,
        };

        using var http = new LoginHttpClient(TimeProvider.System, settings.CaFile);
        var result = await new GcpLogin(http, TimeProvider.System).RunAsync(request, cancellationToken).ConfigureAwait(false);
        string[] secrets = [request.Token.Value, .. result.Secrets];
        LoginReport.Write(Console.Error, result, secrets, verbose: !settings.Quiet);
        if (!result.Succeeded)
        {
            return ExitCodes.Findings;
        }

        if (settings.Output is { } output)
        {
            var tokenFile = TokenFile.Resolve(request.Token.Value, settings.TokenFilePath, output, "--output");
            var config = CredentialConfiguration.Build(request.Provider, request.ServiceAccount, tokenFile, request.StsUrl, request.IamCredentialsUrl, request.LifetimeSeconds);
            PrivateFile.Write(output, CredentialConfiguration.Render(config), "--output");
            if (!settings.Quiet)
            {
                var full = Path.GetFullPath(output);
                Console.Error.WriteLine($"keyless: wrote {full} (0600), reading the token from {tokenFile}. Use it with:");
                Console.Error.WriteLine($"  export GOOGLE_APPLICATION_CREDENTIALS={full}   # Terraform, client libraries");
                Console.Error.WriteLine($"  gcloud auth login --cred-file={full}");
            }
        }

        if (!settings.Quiet && !result.Skipped)
        {
            var who = request.ServiceAccount ?? "the federated principal";
            Console.Error.WriteLine($"keyless: the exchange works: an access token for {who}" + (result.ExpiresAt is { } e ? $", valid until {e.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC." : "."));
        }

        if (settings.PrintAccessToken)
        {
            Console.Out.WriteLine(result.AccessToken);
        }

        return ExitCodes.Ok;
    }
}
