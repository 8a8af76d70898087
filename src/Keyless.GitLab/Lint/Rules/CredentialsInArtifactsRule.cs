using Keyless.Formats.Output;
using Keyless.GitLab.Lint.Flow;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// Cloud credentials end up in a job's artifacts: a file named like one (<c>creds.json</c>, <c>*credentials*.json</c>,
/// <c>.azure/</c>, <c>.config/gcloud/</c>), the file <c>GOOGLE_APPLICATION_CREDENTIALS</c> or a credential
/// configuration points at, or an access token written to an uploaded file or dotenv report.
/// </summary>
internal sealed class CredentialsInArtifactsRule : LintRule
{
    private const string Fix =
        "Keep credential files outside the project folder (for example $CI_BUILDS_DIR/.keyless or /tmp) or add them to "
        + "artifacts:exclude; pass access tokens to later jobs by running the exchange again, never through artifacts or dotenv.";

    public override RuleDescriptor Descriptor { get; } = new(
        "credentials-in-artifacts", "cloud credentials (credential files, access tokens) are uploaded as artifacts", Severity.High);

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var job in context.Document.Jobs)
        {
            var artifacts = context.Artifacts(job);
            if (artifacts.IsEmpty)
            {
                continue;
            }

            var flow = context.Flow(job);
            var reported = new HashSet<SourceLocation>();
            foreach (var e in flow.Events)
            {
                if (e is { Kind: FlowEventKind.WrittenToFile, Taint.Kind: TaintKind.CloudCredential } && artifacts.Uploading(e.File!) is { } written)
                {
                    yield return Report(
                        e.Location,
                        $"job '{job.Name}' writes a cloud credential (from '{e.Taint!.Source}') to {e.File}, which {written.How} uploads "
                        + $"({written.Entry.Location.File}:{written.Entry.Location.Line}).",
                        Fix,
                        path: $"{job.Name}.script");
                }
                else if (e is { Kind: FlowEventKind.CredentialFile, File: { } file } && artifacts.Uploading(file) is { } upload
                    && reported.Add(upload.Entry.Location))
                {
                    yield return Report(
                        upload.Entry.Location,
                        $"job '{job.Name}' uploads {file} ({upload.How}), a credential file ({e.Detail}, line {e.Location.Line}).",
                        Fix,
                        path: $"{job.Name}.artifacts");
                }
            }

            foreach (var (glob, entry) in artifacts.Paths)
            {
                if (NamesCredentials(glob.Pattern) && reported.Add(entry.Location))
                {
                    yield return Report(
                        entry.Location,
                        $"job '{job.Name}' uploads '{entry.Value}' as an artifact: the name says it holds cloud credentials.",
                        Fix,
                        path: $"{job.Name}.artifacts.paths");
                }
            }
        }
    }

    /// <summary>creds.json, *credentials*.json, gha-creds-*.json, or an .azure / .gcloud / .aws / .config/gcloud folder.</summary>
    private static bool NamesCredentials(string path)
    {
        var segments = PathGlob.Normalize(path).TrimEnd('/').Split('/');
        var name = segments[^1];
        var json = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (json && (name.Equals("creds.json", StringComparison.OrdinalIgnoreCase)
            || name.Contains("credentials", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("gha-creds-", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] is ".azure" or ".gcloud" or ".aws" || (segments[i] == ".config" && i + 1 < segments.Length && segments[i + 1] == "gcloud"))
            {
                return true;
            }
        }

        return false;
    }
}
