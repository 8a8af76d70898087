using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Keyless.Login.Aws;
using Keyless.Login.Diagnosis;
using Keyless.Login.Files;
using Keyless.Login.Http;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless login aws</c>: STS <c>AssumeRoleWithWebIdentity</c> with the job's id_token, with no aws CLI. Leaves the
/// temporary credentials where the AWS CLI and SDKs find them: a profile in a shared credentials file (0600), or an
/// environment file; when STS refuses, says which condition and claim (with --trust). Exit 0, 1 for a refused
/// exchange, 2 for bad usage or input.
/// </summary>
internal sealed class LoginAwsCommand : AsyncCommand<LoginAwsCommand.Settings>
{
    public sealed class Settings : LoginSettings
    {
        [CommandOption("--role-arn <ARN>")]
        [Description("The IAM role to assume (arn:aws:iam::ACCOUNT:role/NAME).")]
        public string? RoleArn { get; init; }

        [CommandOption("--sts-url <URL>")]
        [Description("STS's endpoint; the Query API is served at its root.")]
        [DefaultValue(AwsLoginRequest.DefaultStsUrl)]
        public string StsUrl { get; init; } = AwsLoginRequest.DefaultStsUrl;

        [CommandOption("--profile <NAME>")]
        [Description("The profile to write in the credentials file.")]
        [DefaultValue("default")]
        public string Profile { get; init; } = "default";

        [CommandOption("--credentials-file <FILE>")]
        [Description("The shared credentials file (default: AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials).")]
        public string? CredentialsFile { get; init; }

        [CommandOption("--env-file <FILE>")]
        [Description("Write AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN to FILE (0600) instead of a profile.")]
        public string? EnvFile { get; init; }

        public override ValidationResult Validate()
        {
            var common = base.Validate();
            if (!common.Successful)
            {
                return common;
            }

            if (RoleArn is null)
            {
                return ValidationResult.Error("--role-arn is required");
            }

            if (EnvFile is not null && CredentialsFile is not null)
            {
                return ValidationResult.Error("--env-file and --credentials-file both say where to write; give one");
            }

            return Profile.Length is > 0 and <= 64 && Profile.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
                ? ValidationResult.Success()
                : ValidationResult.Error($"--profile '{Profile}' is not a profile name (letters, digits, '-', '_', '.')");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var request = new AwsLoginRequest
        {
            RoleArn = AwsLoginRequest.ValidateRoleArn(settings.RoleArn!),
            StsUrl = Endpoints.Require(settings.StsUrl, "--sts-url"),
            SessionName = AwsLoginRequest.SessionNameFor(Environment.GetEnvironmentVariable("CI_JOB_ID")),
            Token = settings.ReadToken(),
            Trust = settings.LoadTrust("login aws"),
            Exchange = !settings.NoVerify,
        };

        using var http = new LoginHttpClient(TimeProvider.System, settings.CaFile);
        var (result, credentials) = await new AwsLogin(http, TimeProvider.System).RunAsync(request, cancellationToken).ConfigureAwait(false);
        string[] secrets = [request.Token.Value, .. result.Secrets];
        LoginReport.Write(Console.Error, result, secrets, verbose: !settings.Quiet);
        if (!result.Succeeded)
        {
            return ExitCodes.Findings;
        }

        if (credentials is null)
        {
            if (!settings.Quiet)
            {
                Console.Error.WriteLine("keyless: --no-verify: nothing was exchanged and nothing written.");
            }

            return ExitCodes.Ok;
        }

        string written;
        if (settings.EnvFile is { } envFile)
        {
            PrivateFile.Write(envFile, AwsCredentialFiles.EnvFile(credentials, Environment.GetEnvironmentVariable("AWS_REGION")), "--env-file");
            written = $"{Path.GetFullPath(envFile)} (0600). Load it in this job with:\n  set -a; . {Path.GetFullPath(envFile)}; set +a";
        }
        else
        {
            var file = settings.CredentialsFile ?? Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "credentials");
            var existing = File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false) : null;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            PrivateFile.Write(file, AwsCredentialFiles.WithProfile(existing, settings.Profile, credentials), "--credentials-file");
            written = $"profile '{settings.Profile}' in {Path.GetFullPath(file)} (0600); use it with AWS_PROFILE={settings.Profile}";
        }

        if (!settings.Quiet)
        {
            Console.Error.WriteLine($"keyless: credentials for {request.RoleArn}"
                + (result.ExpiresAt is { } e ? $", valid until {e.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC" : string.Empty) + $"; wrote {written}");
        }

        return ExitCodes.Ok;
    }
}
