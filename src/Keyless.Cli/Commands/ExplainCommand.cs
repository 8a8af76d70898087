using System.ComponentModel;
using Keyless.Cli.Commands.Explain;
using Keyless.Cli.Infrastructure;
using Keyless.Formats.Inputs;
using Keyless.Formats.Inputs.Tokens;
using Keyless.Formats.Output;
using Keyless.Trust.Claims;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Identities;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless explain</c>: would this token get these identities, and why (or why not). One decision per
/// identity, from the same evaluator as the emulator and the red-team. Exit 0 when the token gets at least one
/// identity, 1 when it gets none, 2 for bad input.
/// </summary>
internal sealed class ExplainCommand : AsyncCommand<ExplainCommand.Settings>
{
    public sealed class Settings : LiveConnectionSettings
    {
        [CommandArgument(0, "[INPUTS]")]
        [Description("Trust inputs: files or folders (Terraform JSON, gcloud, az/Graph/ARM, GitLab API JSON, keyless manifests).")]
        public string[] Inputs { get; init; } = [];

        [CommandOption("--live <SCOPE>")]
        [Description("Read the live trust first and decide against it too: gcp:PROJECT, gcp-folder:ID, gcp-organization:ID, azure:TENANT or azure:TENANT/SUBSCRIPTION, gitlab:PROJECT_PATH, gitlab-group:GROUP_PATH, aws:ACCOUNT. Repeatable.")]
        public string[] Live { get; init; } = [];

        [CommandOption("--save <DIR>")]
        [Description("Keep the live pull in DIR (a keyless pull folder) instead of a temporary folder.")]
        public string? Save { get; init; }

        [CommandOption("--claims <FILE>")]
        [Description("A claims object (JSON or YAML), as GitLab would mint it.")]
        public string? Claims { get; init; }

        [CommandOption("--token <FILE>")]
        [Description("A JWT in FILE, or '-' for standard input. Its signature is checked only with --jwks or --issuer.")]
        public string? Token { get; init; }

        [CommandOption("--jwks <FILE>")]
        [Description("Verify the token's signature against this JSON Web Key Set.")]
        public string? Jwks { get; init; }

        [CommandOption("--issuer <URL>")]
        [Description("Verify the token's signature against this issuer's published keys (OIDC discovery).")]
        public string? Issuer { get; init; }

        [CommandOption("--identity <NAME>")]
        [Description("Only decide identities whose name contains NAME.")]
        public string? Identity { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("text or json. (sarif, codequality and the GitLab reports are refused: explain reports decisions, not findings.)")]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        public override ValidationResult Validate()
        {
            if ((Claims is null) == (Token is null))
            {
                return ValidationResult.Error("give exactly one of --claims FILE or --token FILE|-");
            }

            if (Claims is not null && (Jwks is not null || Issuer is not null))
            {
                return ValidationResult.Error("--jwks and --issuer verify a --token; a --claims file has no signature");
            }

            if (OutputFormatNames.TryParse(Format, out var findingsFormat) && findingsFormat is not (OutputFormat.Text or OutputFormat.Json))
            {
                return ValidationResult.Error($"--format {Format}: explain has no findings; use text or json (or keyless audit for findings)");
            }

            if (Format is not ("text" or "json"))
            {
                return ValidationResult.Error($"--format: '{Format}' is not one of text, json");
            }

            return Live.Length > 0 ? base.Validate() : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var claimsJson = settings.Claims is { } claimsFile
            ? ClaimsReader.Read(claimsFile, InputText.Read(claimsFile, "--claims"))
            : await TokenSource.ClaimsOfTokenAsync(settings.Token!, settings.Jwks, settings.Issuer, cancellationToken).ConfigureAwait(false);
        if (settings.Inputs.Length == 0 && settings.Live.Length == 0)
        {
            throw new InputException("INPUTS", "name at least one trust input (file or folder), or --live SCOPE");
        }

        using var live = settings.Live.Length > 0 ? await LiveTrust.PullAsync(settings, settings.Live, settings.Save, cancellationToken).ConfigureAwait(false) : null;
        var trust = TrustInputs.Load("explain", live is null ? settings.Inputs : [.. settings.Inputs, live.Folder]);
        var evaluator = TrustEvaluator.For(trust);
        var claims = settings.Claims is null ? TokenClaims.FromJwtPayload(claimsJson) : TokenClaims.FromJson(claimsJson);
        var identities = evaluator.Identities
            .Where(i => settings.Identity is null || i.Name.Contains(settings.Identity, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var decisions = identities.Select(i => evaluator.Decide(i, claims)).ToArray();
        var notes = trust.Notes.Concat(trust.Unrecognized.Select(u => "not modelled: " + u))
            .Concat(trust.Unverified.Select(u => $"not verified: {u.Scope}: {u.Call} failed ({u.Reason}); identities there were not read")).ToArray();

        if (settings.Format == "json")
        {
            Console.Out.WriteLine(ExplainJson.Render(decisions, notes));
        }
        else
        {
            var console = HumanConsole.Create();
            ExplainText.Render(console, decisions, notes);
        }

        return decisions.Any(d => d.Verdict == Verdict.Allow) ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
