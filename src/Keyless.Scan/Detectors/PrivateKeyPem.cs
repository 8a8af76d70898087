using Keyless.Formats.Output;
using Keyless.Scan.Text;
using Keyless.Trust.Findings;

namespace Keyless.Scan.Detectors;

/// <summary>A PEM private key (PKCS#1, PKCS#8, SEC1, OpenSSH, encrypted or not).</summary>
public sealed class PrivateKeyPem : Detector
{
    public override RuleDescriptor Descriptor { get; } =
        new("private-key-pem", "A PEM private key is stored where CI can read it", Severity.High);

    public override string Fix =>
        "Remove the key, revoke or rotate it wherever it is trusted, and let the job authenticate with its id_token (keyless plan).";

    public override IReadOnlyList<string> Keywords { get; } = ["PRIVATE KEY-----"];

    public override void Find(ScanText text, List<SecretMatch> matches)
    {
        foreach (var block in PemBlocks.Find(text.Text))
        {
            var kind = block.Label.StartsWith("ENCRYPTED", StringComparison.Ordinal)
                ? "a passphrase-encrypted PEM private key"
                : $"a PEM private key ({block.Label})";
            matches.Add(new SecretMatch(block.Start, block.End - block.Start, block.Body, kind));
        }
    }
}
