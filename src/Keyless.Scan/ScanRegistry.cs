using System.Collections.Immutable;
using Keyless.Formats.Output;
using Keyless.Scan.Detectors;

namespace Keyless.Scan;

/// <summary>
/// Every detector, in priority order: when two find the same text (a service-account key is also a PEM key),
/// the earlier one reports it. Each id has docs/scan/&lt;id&gt;.md.
/// </summary>
public static class ScanRegistry
{
    public static ImmutableArray<Detector> Detectors { get; } =
    [
        new GcpServiceAccountKey(),
        new PrivateKeyPem(),
        new AzureClientSecret(),
        new AwsSecretAccessKey(),
        new AwsAccessKeyId(),
        new GitLabToken(),
        new SecretNamedVariable(),
    ];

    /// <summary>The detectors' rules, and <see cref="NotScanned"/> for what a group walk could not read.</summary>
    public static IReadOnlyList<RuleDescriptor> Rules { get; } = [.. Detectors.Select(d => d.Descriptor), NotScanned.Descriptor];
}
