using Keyless.Formats.Output;
using Keyless.GitLab.Api;
using Keyless.Trust.Findings;

namespace Keyless.Scan;

/// <summary>
/// <c>not-scanned</c>: a subgroup or project that <c>scan --group</c> found but could not read (403). Its variables
/// were not looked at, so the report's silence about them is no verdict; the finding says so in the report itself,
/// where a pipeline reading only the report sees it, and makes the exit code say the scan is incomplete.
/// </summary>
public static class NotScanned
{
    public static RuleDescriptor Descriptor { get; } = new(
        "not-scanned",
        "A project or subgroup's CI/CD variables could not be read; the scan says nothing about them.",
        Severity.High);

    public static Finding For(UnreadVariables unread)
    {
        ArgumentNullException.ThrowIfNull(unread);
        return new Finding
        {
            Id = Descriptor.Id,
            Severity = Descriptor.DefaultSeverity,
            Confidence = Confidence.Proven,
            Identity = unread.Owner,
            Message = $"The CI/CD variables of {unread.Name} were not scanned: GitLab answered 403 Forbidden. No finding about them is no verdict.",
            Fix = $"Scan with a token whose user has the Maintainer role on {unread.Name} (reading variables needs it), or scan it with --project/--group under a token that does.",
            Location = new FindingLocation(unread.Source, null),
        };
    }
}
