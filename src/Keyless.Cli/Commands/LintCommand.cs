using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Keyless.Formats.Inputs;
using Keyless.GitLab.Lint;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless lint [PATHS...]</c>: reads each <c>.gitlab-ci.yml</c> (named, or found in the folders given) as GitLab
/// does (includes, extends, anchors, !reference, default:) and reports how its jobs get and handle ID tokens, each
/// finding at its file and line; with <c>--trust</c>, also against the cloud trust they are exchanged at.
/// </summary>
internal sealed class LintCommand : Command<LintCommand.Settings>
{
    public sealed class Settings : FindingOutputSettings
    {
        [CommandArgument(0, "[PATHS]")]
        [Description("Pipeline files, or folders to search for them (every .gitlab-ci.yml, *.gitlab-ci.yml and templates/ CI/CD component; what they include is read with them). Default: .gitlab-ci.yml.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("--trust <INPUTS>")]
        [Description("Trust inputs (files or folders: Terraform JSON, gcloud, az, Graph, ARM, GitLab API) to check audiences and environments against. Repeatable.")]
        public string[] Trust { get; init; } = [];

        [CommandOption("--project-root <DIR>")]
        [Description("Where include: local paths start (default: the folder of each file, or the folder given).")]
        public string? ProjectRoot { get; init; }

        protected override IReadOnlyList<string> ConfigInputs => Paths;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var files = PipelineFinder.Find(settings.Paths.Length > 0 ? settings.Paths : [".gitlab-ci.yml"], settings.ProjectRoot);
        var documents = files.Select(f => (File: f, Document: PipelineReader.Read(f.File, new PipelineReaderOptions(f.ProjectRoot)))).ToList();

        // A file found in a folder that another one includes is linted where it is included (its jobs may extend
        // templates of the includer), not alone; a file the user named is linted in any case.
        var included = documents.SelectMany(d => d.Document.Files.Skip(1)).Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        documents = documents.Where(d => d.File.Named || !included.Contains(Path.GetFullPath(d.File.File))).ToList();

        var options = new LintOptions { Trust = settings.Trust.Length > 0 ? TrustInputs.Load("lint", settings.Trust, TrustRequirement.AnyTrust) : null };
        var findings = new List<Finding>();
        var seen = new HashSet<Finding>();
        foreach (var (_, document) in documents)
        {
            foreach (var diagnostic in document.Diagnostics)
            {
                // What GitLab itself would reject; the lint goes on with what it could read.
                Console.Error.WriteLine($"keyless lint: warning: {diagnostic}");
            }

            foreach (var note in document.Notes)
            {
                // What GitLab accepts but changed what the lint saw (a repeated key, an include not read, an input with no value).
                Console.Error.WriteLine($"keyless lint: note: {note}");
            }

            // A file two pipelines include gives the same findings twice: report them once.
            findings.AddRange(Linter.Lint(document, options).Where(seen.Add));
        }

        if (documents.Count > 1)
        {
            Console.Error.WriteLine($"keyless lint: {documents.Count} pipelines, {findings.Count} findings.");
        }

        return FindingOutput.Render(settings, "lint", findings, LintRegistry.Descriptors);
    }
}
