using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Keyless.Plan;
using Keyless.Plan.Design;
using Keyless.Plan.Intent;
using Keyless.Plan.Pipeline;
using Keyless.Formats.Output;
using Keyless.Trust.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless plan keyless.yml --out DIR</c>: drafts the hardened trust in every format teams paste (Terraform,
/// gcloud, az, Bicep, the aws CLI, CloudFormation, the GitLab API, .gitlab-ci.yml jobs). The written paths go to stdout, one per line.
/// </summary>
internal sealed class PlanCommand : Command<PlanCommand.Settings>
{
    public sealed class Settings : KeylessSettings
    {
        [CommandArgument(0, "<INTENT>")]
        [Description("keyless.yml: the GitLab projects, refs and environments, and the GCP, Azure and AWS identities they may use.")]
        public string Intent { get; init; } = string.Empty;

        [CommandOption("-o|--out <DIR>")]
        [Description("Folder to write the plan into (created if missing; files of the same name are replaced).")]
        public string? Out { get; init; }

        [CommandOption("--terraform-syntax <SYNTAX>")]
        [Description("Terraform as hcl (main.tf) or json (main.tf.json, which keyless audit and explain read back).")]
        [DefaultValue("hcl")]
        public string TerraformSyntax { get; init; } = "hcl";

        [CommandOption("--ci <STYLE>")]
        [Description("The GitLab jobs: inline (written out whole) or component (extending Keyless's login-gcp and login-azure CI/CD components).")]
        [DefaultValue("inline")]
        public string Ci { get; init; } = "inline";

        [CommandOption("--component-source <PATH@VERSION>")]
        [Description("With --ci component: the component project and release, e.g. $CI_SERVER_FQDN/platform/keyless@0.1.0 for a copy on your instance. Default: this keyless's project and version.")]
        public string? ComponentSource { get; init; }

        public override ValidationResult Validate()
        {
            if (Ci is not ("inline" or "component"))
            {
                return ValidationResult.Error($"--ci: '{Ci}' is not one of inline, component");
            }

            if (ComponentSource is { } source && (source.IndexOf('@', StringComparison.Ordinal) is var at && (at <= 0 || at == source.Length - 1)))
            {
                return ValidationResult.Error($"--component-source: '{source}' is not PATH@VERSION, e.g. gitlab.com/keyless/keyless@0.1.0");
            }

            if (string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error("--out: say which folder to write the plan into, e.g. --out plan");
            }

            return TerraformSyntax is "hcl" or "json"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--terraform-syntax: '{TerraformSyntax}' is not one of hcl, json");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var intent = IntentReader.ReadFile(settings.Intent);
        var syntax = settings.TerraformSyntax == "json" ? TerraformSyntax.Json : TerraformSyntax.Hcl;
        var design = TrustDesigner.Design(intent);
        var files = PlanGenerator.Generate(design, syntax, settings.Ci == "component" ? CiStyle.Component : CiStyle.Inline, Components(settings));
        var root = Path.GetFullPath(settings.Out!);
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.Path.Replace('/', Path.DirectorySeparatorChar));
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
                if (!OperatingSystem.IsWindows() && file.Path.EndsWith(".sh", StringComparison.Ordinal))
                {
                    File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException("--out", $"cannot write {path}: {e.Message}");
            }

            Console.Out.WriteLine(Path.Combine(settings.Out!, file.Path.Replace('/', Path.DirectorySeparatorChar)));
        }

        // What the clouds cannot enforce goes to stderr, so the list of written paths on stdout stays a list.
        foreach (var note in design.Notes ?? [])
        {
            Console.Error.WriteLine($"note: {settings.Intent} ({note.Path}): {note.Text}");
        }

        return 0;
    }

    // By default the components of this keyless's own project, pinned to its release (the version without the commit).
    private static ComponentSource Components(Settings settings)
    {
        if (settings.ComponentSource is { } source)
        {
            var at = source.LastIndexOf('@');
            return new ComponentSource(source[..at], source[(at + 1)..]);
        }

        var project = new Uri(RuleDocs.RepositoryUrl);
        return new ComponentSource(project.Host + project.AbsolutePath.TrimEnd('/'), ToolVersion.Informational.Split('+')[0]);
    }
}
