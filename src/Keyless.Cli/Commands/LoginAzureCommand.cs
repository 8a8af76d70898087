using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Keyless.Login.Azure;
using Keyless.Login.Diagnosis;
using Keyless.Login.Files;
using Keyless.Login.Http;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless login azure</c>: Entra client credentials with the job's id_token as a jwt-bearer assertion, with no
/// az. Prints the access token, or writes an environment file for Terraform's azurerm/azuread providers and
/// Azure.Identity; when Entra refuses, says which of iss, sub and aud is wrong, its value and the expected one.
/// Exit 0, 1 for a refused exchange, 2 for bad usage or input.
/// </summary>
internal sealed class LoginAzureCommand : AsyncCommand<LoginAzureCommand.Settings>
{
    public sealed class Settings : LoginSettings
    {
        [CommandOption("--tenant <TENANT>")]
        [Description("The directory (tenant) id, or a verified domain.")]
        public string? Tenant { get; init; }

        [CommandOption("--client-id <ID>")]
        [Description("The application (client) id, or a user-assigned managed identity's client id.")]
        public string? ClientId { get; init; }

        [CommandOption("--scope <SCOPE>")]
        [Description("The resource's /.default scope.")]
        [DefaultValue(AzureLoginRequest.DefaultScope)]
        public string Scope { get; init; } = AzureLoginRequest.DefaultScope;

        [CommandOption("--authority-host <URL>")]
        [Description("The Entra host; {tenant}/oauth2/v2.0/token is added.")]
        [DefaultValue(Endpoints.DefaultAuthorityHost)]
        public string AuthorityHost { get; init; } = Endpoints.DefaultAuthorityHost;

        [CommandOption("--env-file <FILE>")]
        [Description("Write ARM_* (Terraform azurerm/azuread) and AZURE_* (Azure.Identity) variables to FILE (0600) instead of printing the access token.")]
        public string? EnvFile { get; init; }

        public override ValidationResult Validate()
        {
            var common = base.Validate();
            if (!common.Successful)
            {
                return common;
            }

            if (Tenant is null || ClientId is null)
            {
                return ValidationResult.Error("--tenant and --client-id are required");
            }

            return NoVerify && EnvFile is null
                ? ValidationResult.Error("--no-verify skips the exchange, so it needs --env-file (there is no access token to print)")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var request = new AzureLoginRequest
        {
            Tenant = AzureLoginRequest.ValidateTenant(settings.Tenant!),
            ClientId = AzureLoginRequest.ValidateClientId(settings.ClientId!),
            Scope = AzureLoginRequest.ValidateScope(settings.Scope),
            AuthorityHost = Endpoints.Require(settings.AuthorityHost, "--authority-host"),
            Token = settings.ReadToken(),
            Trust = settings.LoadTrust("login azure"),
            Exchange = !settings.NoVerify,
        };

        using var http = new LoginHttpClient(TimeProvider.System, settings.CaFile);
        var result = await new AzureLogin(http, TimeProvider.System).RunAsync(request, cancellationToken).ConfigureAwait(false);
        string[] secrets = [request.Token.Value, .. result.Secrets];
        LoginReport.Write(Console.Error, result, secrets, verbose: !settings.Quiet);
        if (!result.Succeeded)
        {
            return ExitCodes.Findings;
        }

        if (settings.EnvFile is not { } envFile)
        {
            if (!settings.Quiet)
            {
                Console.Error.WriteLine($"keyless: an access token for {request.Scope}" + (result.ExpiresAt is { } e ? $", valid until {e.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC." : "."));
            }

            Console.Out.WriteLine(result.AccessToken);
            return ExitCodes.Ok;
        }

        var tokenFile = TokenFile.Resolve(request.Token.Value, settings.TokenFilePath, envFile, "--env-file");
        PrivateFile.Write(envFile, AzureEnvFile.Render(request, tokenFile), "--env-file");
        if (!settings.Quiet)
        {
            Console.Error.WriteLine($"keyless: {(result.Skipped ? string.Empty : "the exchange works; ")}wrote {Path.GetFullPath(envFile)} (0600). Load it in this job with:");
            Console.Error.WriteLine($"  set -a; . {Path.GetFullPath(envFile)}; set +a");
        }

        return ExitCodes.Ok;
    }
}
