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
internal sealed class AuditCommand : AsyncCommand<AuditCommand.Settings>
{
    public sealed class Settings : GroupedOutputSettings, ILiveOptions
    {
        [CommandArgument(0, "[INPUTS]")]
        [Description("Trust inputs: files or folders (Terraform JSON, gcloud, az/Graph/ARM, GitLab API JSON, keyless manifest).")]
        public string[] Inputs { get; init; } = [];

        [CommandOption("--live <SCOPE>")]
        [Description("Read the live trust first and audit it too: gcp:PROJECT, gcp-folder:ID or gcp-organization:ID (every project in it, subfolders too), azure:TENANT or azure:TENANT/SUBSCRIPTION, gitlab:PROJECT_PATH, gitlab-group:GROUP_PATH, aws:ACCOUNT (as keyless pull). Repeatable.")]
        public string[] Live { get; init; } = [];

        [CommandOption("--save <DIR>")]
        [Description("Keep the live pull in DIR (a keyless pull folder) instead of a temporary folder.")]
        public string? Save { get; init; }

        [CommandOption("--endpoint <NAME=URL>")]
        [Description("With --live: read one API somewhere else (NAME: iam, cloudresourcemanager, graph, arm, authority, gitlab). Repeatable.")]
        public string[] Endpoints { get; init; } = [];

        [CommandOption("--emulator <URL>")]
        [Description("With --live: point every endpoint at a running keyless emulate and take its reader credentials.")]
        public string? Emulator { get; init; }

        [CommandOption("--ca-file <PEM>")]
        [Description("With --live: trust servers whose certificates chain to this PEM.")]
        public string? CaFile { get; init; }

        [CommandOption("--token-env <NAME>")]
        [Description("With --live gitlab: the environment variable holding a GitLab token with read_api.")]
        [DefaultValue("GITLAB_TOKEN")]
        public string TokenEnv { get; init; } = "GITLAB_TOKEN";

        [CommandOption("--concurrency <N>")]
        [Description("With --live: requests in flight at once (1-64).")]
        [DefaultValue(8)]
        public int Concurrency { get; init; } = 8;

        [CommandOption("--gitlab-url <URL>")]
        [Description("Your GitLab's URL (self-managed): the iss of your own jobs. Default: the instance of each trusted issuer (GitLab.com for gitlab.com).")]
        public string? GitLabUrl { get; init; }

        [CommandOption("--gitlab-version <X.Y>")]
        [Description("The GitLab version the tokens come from (19.1+ blocks reclaimed paths, lowering path-reclaimer findings).")]
        public string? GitLabVersion { get; init; }

        protected override IReadOnlyList<string> ConfigInputs => Inputs;

        [CommandOption("--shard <I/N>")]
        [Description("Report only shard I of N (1-based): the identities whose name hashes to it (stable across runs and machines); join the JSON shard reports with keyless merge.")]
        public string? Shard { get; init; }

        /// <summary><c>--shard I/N</c> parsed, or null.</summary>
        public (int Index, int Count)? ShardSlice => Shard is null ? null : ParseShard(Shard);

        private static (int Index, int Count)? ParseShard(string text)
        {
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            return slash > 0
                && int.TryParse(text.AsSpan(0, slash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
                && count >= 1 && index >= 1 && index <= count
                ? (index, count)
                : null;
        }

        public override ValidationResult Validate()
        {
            var result = base.Validate();
            if (!result.Successful)
            {
                return result;
            }

            if (Inputs.Length == 0 && Live.Length == 0)
            {
                return ValidationResult.Error("give trust inputs (files or folders) or --live SCOPE");
            }

            if (Live.Length > 0 && LiveOptionChecks.Validate(this) is { Successful: false } live)
            {
                return live;
            }

            if (Shard is not null && ShardSlice is null)
            {
                return ValidationResult.Error($"--shard: '{Shard}' is not I/N with 1 <= I <= N, like 2/4");
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

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var phases = PhaseClock.Start("audit");
        using var live = settings.Live.Length > 0 ? await LiveTrust.PullAsync(settings, settings.Live, settings.Save, cancellationToken).ConfigureAwait(false) : null;
        var trust = TrustInputs.Load("audit", live is null ? settings.Inputs : [.. settings.Inputs, live.Folder]);
        phases?.Mark("load");
        // The command line wins over .keyless.yml.
        var version = settings.GitLabVersion is { } v
            ? Version.Parse(v.Contains('.', StringComparison.Ordinal) ? v : v + ".0")
            : settings.Config?.GitLabVersion;
        var audit = new AuditContext(trust, new AuditOptions
        {
            GitLabVersion = version,
            GitLabUrl = settings.GitLabUrl is { } url ? new Uri(url) : settings.Config?.GitLabUrl,
            // A shard attacks only its own identities; the findings filter of FindingOutput keeps only theirs.
            Searches = settings.ShardSlice is { } slice ? identity => ShardPartition.ShardOf(identity.Name, slice.Count) == slice.Index : null,
        });
        // Every identity's attack paths and the model of GitLab made of them, before the searches that read them.
        _ = audit.Engine.World;
        phases?.Mark("paths");
        var findings = AuditProgress.Run(audit, AuditRegistry.All);
        phases?.Mark($"search and audits ({audit.SearchedIdentities} identities)");
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

        Console.Error.WriteLine($"keyless audit: {audit.Identities.Count} identities, {findings.Count} findings.");
        var exit = FindingOutput.Render(settings, "audit", findings, Rules, grouping: settings.Grouping, shard: settings.ShardSlice);
        phases?.Mark("report");
        return exit;
    }
}
