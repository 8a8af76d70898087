using Keyless.Formats.Output;
using Keyless.GitLab.Api;
using Keyless.Trust.Findings;

namespace Keyless.Scan.Detectors;

/// <summary>
/// A masked-and-hidden variable (or any whose value the API withholds) named like a credential: <c>…_KEY</c>,
/// <c>…SECRET…</c>, <c>…PASSWORD…</c>, <c>…CREDENTIALS…</c>. Its value cannot be checked, so the finding rests on
/// the name (as trajan and taudit do).
/// </summary>
public sealed class SecretNamedVariable : Detector
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "key", "keys", "keyfile", "apikey", "secret", "secrets", "password", "passwd", "pwd", "passphrase",
        "credential", "credentials", "creds", "token", "private",
    };

    private static readonly HashSet<string> CloudWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "gcp", "gcloud", "google", "gke", "sa", "azure", "arm", "az", "entra", "aws",
    };

    public override RuleDescriptor Descriptor { get; } =
        new("secret-named-variable", "A hidden variable's name says it holds a key or secret", Severity.Medium);

    public override string Fix =>
        "Check what the variable holds; if it is a cloud key or secret, delete it at the cloud and in GitLab and use "
        + "the job's id_token with workload identity federation instead (keyless plan).";

    public override string? JudgeWithheld(GitLabVariable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var words = variable.Key.Split(['_', '-', '.'], StringSplitOptions.RemoveEmptyEntries);
        var said = words.FirstOrDefault(Words.Contains);
        if (said is null)
        {
            return null;
        }

        var cloud = words.FirstOrDefault(CloudWords.Contains);
        return cloud is null
            ? $"its name says \"{said.ToLowerInvariant()}\""
            : $"its name says \"{said.ToLowerInvariant()}\" for {cloud.ToUpperInvariant()}";
    }
}
