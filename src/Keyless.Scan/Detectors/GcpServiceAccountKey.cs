using Keyless.Formats.Output;
using Keyless.Scan.Text;
using Keyless.Trust.Findings;

namespace Keyless.Scan.Detectors;

/// <summary>
/// A GCP service-account key file: JSON with <c>"type": "service_account"</c> and a PEM <c>private_key</c>
/// (gitleaks <c>gcp-service-account-key</c>). Base64-encoded keys are found through the scanner's decoding.
/// </summary>
public sealed class GcpServiceAccountKey : Detector
{
    public override RuleDescriptor Descriptor { get; } =
        new("gcp-service-account-key", "A GCP service-account key file is stored where CI can read it", Severity.High);

    public override string Fix =>
        "Delete the key (gcloud iam service-accounts keys delete KEY_ID --iam-account EMAIL), remove the variable or file, "
        + "and give the job workload identity federation instead (keyless plan).";

    public override IReadOnlyList<string> Keywords { get; } = ["service_account"];

    public override void Find(ScanText text, List<SecretMatch> matches)
    {
        var t = text.Text;
        if (t.IndexOf("private_key", StringComparison.Ordinal) < 0)
        {
            return;
        }

        var email = JsonishField.Read(t, "client_email", c => Chars.IsWordish(c) || c is '@' or '.');
        var keyId = JsonishField.Read(t, "private_key_id", char.IsAsciiHexDigit);
        foreach (var block in PemBlocks.Find(t))
        {
            if (!IsPrivateKeyValue(t, block.Start))
            {
                continue;
            }

            var detail = keyId is null ? null : $"key id {keyId}";
            matches.Add(new SecretMatch(block.Start, block.End - block.Start, block.Body,
                "a GCP service-account key", email, detail));
        }
    }

    // The PEM must be the value of "private_key": the field name ends a few characters before it, whatever
    // quoting or escaping (\", \u0022) the text uses.
    private static bool IsPrivateKeyValue(string text, int pemStart)
    {
        var windowStart = Math.Max(0, pemStart - 32);
        return text.AsSpan(windowStart, pemStart - windowStart).Contains("private_key", StringComparison.Ordinal);
    }
}
