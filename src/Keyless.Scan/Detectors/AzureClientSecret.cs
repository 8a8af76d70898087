using Keyless.Formats.Output;
using Keyless.Scan.Text;
using Keyless.Trust.Findings;

namespace Keyless.Scan.Detectors;

/// <summary>
/// An Entra application client secret in the current format: three characters, a digit, <c>Q~</c>, then 31 to 34
/// characters of <c>[A-Za-z0-9_~.-]</c> (gitleaks <c>azure-ad-client-secret</c>). Matched from each <c>Q~</c>.
/// </summary>
public sealed class AzureClientSecret : Detector
{
    private const int MinTail = 31;
    private const int MaxTail = 34;

    public override RuleDescriptor Descriptor { get; } =
        new("azure-client-secret", "An Entra application client secret is stored where CI can read it", Severity.High);

    public override string Fix =>
        "Delete the secret from the app registration (az ad app credential delete), remove the variable or file, "
        + "and add a federated credential for the job's id_token instead (keyless plan).";

    public override IReadOnlyList<string> Keywords { get; } = ["Q~"];

    public override void Find(ScanText text, List<SecretMatch> matches)
    {
        var t = text.Text;
        foreach (var marker in Chars.IndexesOf(t, "Q~"))
        {
            var start = marker - 4;
            if (start < 0 || t[marker] != 'Q' || !char.IsAsciiDigit(t[marker - 1]))
            {
                continue;
            }

            if (!IsSecretChar(t[start]) || !IsSecretChar(t[start + 1]) || !IsSecretChar(t[start + 2]))
            {
                continue;
            }

            var tail = Chars.RunLength(t, marker + 2, c => IsSecretChar(c) || c == '-', MaxTail + 1);
            var end = marker + 2 + tail;
            if (tail is < MinTail or > MaxTail || (start > 0 && IsSecretChar(t[start - 1])))
            {
                continue;
            }

            matches.Add(new SecretMatch(start, end - start, t[start..end], "an Entra application client secret"));
        }
    }

    private static bool IsSecretChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '~' or '.';
}
