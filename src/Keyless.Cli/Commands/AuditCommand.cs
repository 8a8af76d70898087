using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Keyless.Formats.Inputs;
using Keyless.Formats.Output;
using Keyless.Trust.Audits;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless audit INPUTS...</c>: red-team the trust with every persona and run the static audits; each persona
/// finding carries a witness token that <c>keyless explain</c> allows.
/// </summary>
internal sealed class AuditCommand : Command<AuditCommand.Settings>
{
    public sealed class Settings : FindingOutputSettings
    {
        [CommandArgument(0, "<INPUTS>")]
        [Description("Trust inputs: files or folders (Terraform JSON, gcloud, az/Graph/ARM, GitLab API JSON, keyless manifest).")]
        public string[] Inputs { get; init; } = [];

        [CommandOption("--gitlab-url <URL>")]
        [Description("Your GitLab's URL (self-managed): the iss of your own jobs. Default: the instance of each trusted issuer (GitLab.com for gitlab.com).")]
        public string? GitLabUrl { get; init; }

        [CommandOption("--gitlab-version <X.Y>")]
        [Description("The GitLab version the tokens come from (19.1+ blocks reclaimed paths, lowering path-reclaimer findings).")]
        public string? GitLabVersion { get; init; }

        public override ValidationResult Validate()
        {
            var result = base.Validate();
            if (!result.Successful)
            {
                return result;
            }

            if (GitLabUrl is not null && !(Uri.TryCreate(GitLabUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && url.UserInfo.Length == 0))
            {
                return ValidationResult.Error($"--gitlab-url: '{GitLabUrl}' is not an http(s) URL like https://gitlab.example.com");
            }

            return GitLabVersion is null || Version.TryParse(GitLabVersion.Contains('.', StringComparison.Ordinal) ? GitLabVersion : GitLabVersion + ".0", out _)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--gitlab-version: '{GitLabVersion}' is not a version like 18.4");
        }
    }

    public static IReadOnlyList<RuleDescriptor> Rules { get; } =
        AuditRegistry.All.Select(r => new RuleDescriptor(r.Id, r.Summary, r.DefaultSeverity)).ToArray();

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var phases = PhaseClock.Start("audit");
        var trust = TrustInputs.Load("audit", settings.Inputs);
        phases?.Mark("load");
        var version = settings.GitLabVersion is { } v
            ? Version.Parse(v.Contains('.', StringComparison.Ordinal) ? v : v + ".0")
            : null;
        var audit = new AuditContext(trust, new AuditOptions
        {
            GitLabVersion = version,
            GitLabUrl = settings.GitLabUrl is { } url ? new Uri(url) : null,
        });
        AuditProgress.Search(audit);
        phases?.Mark("search");
        var findings = AuditRegistry.All.SelectMany(r => r.Run(audit)).ToArray();
        phases?.Mark("audits");
        foreach (var note in trust.Unrecognized)
        {
            Console.Error.WriteLine($"keyless audit: not modelled: {note}");
        }

        foreach (var note in trust.Notes)
        {
            // What the loader had to assume or could not see (a page of a longer list, an unexpanded count): the
            // findings are about what was read.
            Console.Error.WriteLine($"keyless audit: note: {note}");
        }

        Console.Error.WriteLine($"keyless audit: {audit.Identities.Count} identities, {findings.Length} findings.");
        var exit = FindingOutput.Render(settings, "audit", findings, Rules);
        phases?.Mark("report");
        return exit;
    }
}
