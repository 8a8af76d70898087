using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Keyless.Pull.Sources;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands.Pull;

/// <summary>
/// <c>keyless pull gcp --project P|--folder ID|--organization ID --out DIR</c>: workload identity pools and providers,
/// service accounts with their IAM policies and user-managed keys, the project's IAM policy and number, with Application
/// Default Credentials; a folder or organization is walked first (its projects and its subfolders' at any depth) and
/// each project pulled. Exit 0
/// complete, 4 partial, 2 bad arguments or nothing readable.
/// </summary>
internal sealed class PullGcpCommand : AsyncCommand<PullGcpCommand.Settings>
{
    public sealed class Settings : PullSettings
    {
        [CommandOption("--project <PROJECT>")]
        [Description("A project id (or number) to read. Repeatable.")]
        public string[] Projects { get; init; } = [];

        [CommandOption("--folder <ID>")]
        [Description("A folder's numeric id: list the projects in it and in its subfolders at any depth (needs resourcemanager.projects.list and resourcemanager.folders.list on the folder) and read each. Repeatable.")]
        public string[] Folders { get; init; } = [];

        [CommandOption("--organization <ID>")]
        [Description("An organization's numeric id: list the projects in it and in its folders at any depth (needs resourcemanager.projects.list and resourcemanager.folders.list on it) and read each. Repeatable.")]
        public string[] Organizations { get; init; } = [];

        public IReadOnlyList<(string Type, string Id)> Parents =>
            [.. Folders.Select(f => (GcpProjectList.Folder, f)), .. Organizations.Select(o => (GcpProjectList.Organization, o))];

        public override ValidationResult Validate()
        {
            if (Projects.Length + Folders.Length + Organizations.Length == 0)
            {
                return ValidationResult.Error("give at least one --project PROJECT, --folder ID or --organization ID");
            }

            // Resource Manager names folders and organizations by number only (folders/123, organizations/456).
            var bad = Folders.Select(f => ("--folder", f)).Concat(Organizations.Select(o => ("--organization", o)))
                .FirstOrDefault(p => p.Item2.Length == 0 || p.Item2.Length > 32 || !p.Item2.All(char.IsAsciiDigit));
            return bad.Item1 is { } option
                ? ValidationResult.Error($"{option} '{bad.Item2}' is not a numeric id (Resource Manager names folders and organizations by number, e.g. 123456789012)")
                : base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        (await PullRunner.GcpAsync(settings, settings.Out!, settings.Projects, cancellationToken, settings.Parents).ConfigureAwait(false)).ExitCode;
}
