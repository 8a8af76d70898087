using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Keyless.Formats.Inputs;
using Keyless.Login.Tokens;
using Keyless.Trust.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// The options <c>login gcp</c> and <c>login azure</c> share: where the id_token comes from (a file, or an
/// environment variable so it never shows in the process list), the extra CA, the trust inputs that explain a
/// refusal, and whether to check without exchanging.
/// </summary>
internal abstract class LoginSettings : KeylessSettings
{
    [CommandOption("--token-file <FILE>")]
    [Description("Read the id_token from FILE ('-' for standard input).")]
    public string? TokenFile { get; init; }

    [CommandOption("--token-env <VAR>")]
    [Description("Read the id_token from environment variable VAR (the name under id_tokens:, e.g. GITLAB_OIDC_TOKEN); keeps it out of the process list.")]
    public string? TokenEnv { get; init; }

    [CommandOption("--ca-file <PEM>")]
    [Description("Also trust the certificates in this PEM file for HTTPS (a private CA, or the emulator's certificate).")]
    public string? CaFile { get; init; }

    [CommandOption("--trust <PATH>")]
    [Description("Trust inputs (files or folders, as for explain): predict the answer and name the failing clause. Repeatable.")]
    public string[] Trust { get; init; } = [];

    [CommandOption("--no-verify")]
    [Description("With a file output: check the token and write the file without trying the exchange.")]
    public bool NoVerify { get; init; }

    [CommandOption("--quiet")]
    [Description("Print only warnings and errors on standard error.")]
    public bool Quiet { get; init; }

    public override ValidationResult Validate()
    {
        if ((TokenFile is null) == (TokenEnv is null))
        {
            return ValidationResult.Error("give exactly one of --token-file FILE or --token-env VAR");
        }

        return TokenEnv is { Length: 0 } || TokenEnv?.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_') == true
            ? ValidationResult.Error($"--token-env: '{TokenEnv}' is not an environment variable name")
            : ValidationResult.Success();
    }

    /// <summary>The token, from exactly one source; bad tokens throw InputException (exit 2) naming the source.</summary>
    public SubjectToken ReadToken() => TokenFile switch
    {
        "-" => SubjectToken.Parse(Console.In.ReadToEnd(), "standard input"),
        { } file => SubjectToken.FromFile(file),
        null => SubjectToken.FromEnvironment(TokenEnv!, Environment.GetEnvironmentVariable),
    };

    /// <summary>The token file that outputs can name, or null when the token did not come from a real file.</summary>
    public string? TokenFilePath => TokenFile is null or "-" ? null : TokenFile;

    public TrustSet? LoadTrust(string command) => Trust.Length == 0 ? null : TrustInputs.Load(command, Trust, TrustRequirement.AnyTrust);
}
