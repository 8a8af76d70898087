using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Keyless.GitLab.Api;
using Keyless.Login.Http;
using Keyless.Scan;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Findings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless scan</c>: static keys left in files and folders, in an export of the CI/CD variables API, or in the
/// live API (project, group, instance). Findings name the place, the detector and a fingerprint, never the secret.
/// </summary>
internal sealed class ScanCommand : AsyncCommand<ScanCommand.Settings>
{
    // Below these, a scan is over before a progress bar would be worth drawing.
    private const int ProgressMinFiles = 200;
    private const long ProgressMinBytes = 16L * 1024 * 1024;

    public sealed class Settings : FindingOutputSettings
    {
        [CommandArgument(0, "[PATHS]")]
        [Description("Files and folders to scan (folders recursively; .git and binary files are skipped).")]
        public string[] Paths { get; init; } = [];

        protected override IReadOnlyList<string> ConfigInputs => Paths;

        [CommandOption("--variables <FILE>")]
        [Description("An export of the CI/CD variables API: the JSON array it returns, or an object with project, group and instance arrays (docs/scan/README.md). Repeatable.")]
        public string[] VariablesFiles { get; init; } = [];

        [CommandOption("--gitlab-url <URL>")]
        [Description("GitLab instance for --project, --group and --instance.")]
        [DefaultValue("https://gitlab.com")]
        public string GitLabUrl { get; init; } = "https://gitlab.com";

        [CommandOption("--gitlab-token-env <NAME>")]
        [Description("Environment variable holding a GitLab token with read_api (sent as PRIVATE-TOKEN, never printed).")]
        [DefaultValue("GITLAB_TOKEN")]
        public string GitLabTokenEnv { get; init; } = "GITLAB_TOKEN";

        [CommandOption("--project <ID>")]
        [Description("Scan this project's CI/CD variables (id or full path). Repeatable.")]
        public string[] Projects { get; init; } = [];

        [CommandOption("--group <ID>")]
        [Description("Scan this group's CI/CD variables and those of every subgroup and every project in it or its subgroups (id or full path); a 403 on one of them is reported and skipped. Repeatable.")]
        public string[] Groups { get; init; } = [];

        [CommandOption("--instance")]
        [Description("Scan the instance-level CI/CD variables (administrators only).")]
        public bool Instance { get; init; }

        public bool UsesApi => Projects.Length > 0 || Groups.Length > 0 || Instance;

        public override ValidationResult Validate()
        {
            var baseResult = base.Validate();
            if (!baseResult.Successful)
            {
                return baseResult;
            }

            if (Paths.Length == 0 && VariablesFiles.Length == 0 && !UsesApi)
            {
                return ValidationResult.Error("nothing to scan: give PATHS, --variables FILE, or --project/--group/--instance");
            }

            // The API token goes in the PRIVATE-TOKEN header: the same rules as the login endpoints (clear text only
            // to this machine, no user info, query or fragment that error messages could echo).
            try
            {
                _ = Endpoints.Require(GitLabUrl, "--gitlab-url", secret: "the GitLab token", caFileOption: null);
            }
            catch (InputException e)
            {
                return ValidationResult.Error($"{e.File}: {e.Message}");
            }

            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scanner = new SecretScanner(log: note => Console.Error.WriteLine($"keyless scan: {note}"));
        var findings = new List<Finding>();

        if (settings.Paths.Length > 0)
        {
            findings.AddRange(ScanFiles(scanner, FileWalker.Enumerate(settings.Paths), cancellationToken));
        }

        foreach (var file in settings.VariablesFiles)
        {
            foreach (var set in VariablesExport.Load(file))
            {
                findings.AddRange(scanner.ScanVariables(set));
            }
        }

        if (settings.UsesApi)
        {
            findings.AddRange(await ScanApiAsync(scanner, settings, cancellationToken).ConfigureAwait(false));
        }

        return FindingOutput.Render(settings, "scan", findings, ScanRegistry.Rules);
    }

    private static IReadOnlyList<Finding> ScanFiles(SecretScanner scanner, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var terminal = !Console.IsErrorRedirected;
        if (!terminal || (files.Count < ProgressMinFiles && bytes < ProgressMinBytes))
        {
            return scanner.ScanFiles(files, null, cancellationToken);
        }

        var error = HumanConsole.CreateError();
        IReadOnlyList<Finding> findings = [];
        error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask($"scanning {files.Count} files", maxValue: Math.Max(1, bytes));
                findings = scanner.ScanFiles(files, new TaskProgress(task), cancellationToken);
                task.Value = task.MaxValue;
            });
        return findings;
    }

    private static async Task<IReadOnlyList<Finding>> ScanApiAsync(SecretScanner scanner, Settings settings, CancellationToken cancellationToken)
    {
        var token = Environment.GetEnvironmentVariable(settings.GitLabTokenEnv);
        if (string.IsNullOrEmpty(token))
        {
            throw new InputException("--gitlab-token-env",
                $"the environment variable {settings.GitLabTokenEnv} is not set; it must hold a GitLab token with read_api");
        }

        using var client = new GitLabApiClient(new Uri(settings.GitLabUrl), token);
        var findings = new List<Finding>();
        foreach (var project in settings.Projects)
        {
            findings.AddRange(scanner.ScanVariables(await client.ListProjectVariablesAsync(project, cancellationToken).ConfigureAwait(false)));
        }

        foreach (var group in settings.Groups)
        {
            var walk = await GroupVariableWalk.RunAsync(client, group, cancellationToken).ConfigureAwait(false);
            foreach (var set in walk.Sets)
            {
                findings.AddRange(scanner.ScanVariables(set));
            }

            foreach (var skipped in walk.Skipped)
            {
                Console.Error.WriteLine($"keyless scan: {skipped}: 403 Forbidden (the token needs the Maintainer role there); its variables were not scanned");
                findings.Add(NotScanned.For(skipped));
            }
        }

        if (settings.Instance)
        {
            findings.AddRange(scanner.ScanVariables(await client.ListInstanceVariablesAsync(cancellationToken).ConfigureAwait(false)));
        }

        return findings;
    }

    // Reports synchronously on the scanning thread; Progress<T> would post to the thread pool and lag the bar.
    private sealed class TaskProgress(ProgressTask task) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => task.Value = value.BytesDone;
    }
}
