using System.Text.RegularExpressions;
using Keyless.Trust.Findings;

namespace Keyless.Pull.Tests;

/// <summary>
/// What makes two audits' findings the same for the round trip: rule, severity, confidence, persona and identity. The
/// location differs by design (the pulled file, not the input), and so does an Azure identity's client id where the
/// input could not know it (a Terraform configuration: Azure assigns it, the emulator stands one in), so the identity
/// is compared without the client id when the expected one has none.
/// </summary>
internal sealed partial record FindingKey(string Id, Severity Severity, Confidence Confidence, Persona? Persona, string? Identity)
{
    public static FindingKey Of(Finding finding, bool dropClientId) => new(finding.Id, finding.Severity, finding.Confidence, finding.Persona,
        dropClientId && finding.Identity is { } identity ? ClientId().Replace(identity, string.Empty) : finding.Identity);

    public override string ToString() => $"{Id} {Severity} {Confidence} {Persona} {Identity}";

    [GeneratedRegex(@" \(client id [0-9a-f-]{36}\)")]
    private static partial Regex ClientId();
}
