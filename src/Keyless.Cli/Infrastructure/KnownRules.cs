using Keyless.Cli.Commands;
using Keyless.GitLab.Lint;
using Keyless.Scan;

namespace Keyless.Cli.Infrastructure;

/// <summary>Every rule id keyless reports, over all its commands: what a <c>.keyless.yml</c> may name.</summary>
internal static class KnownRules
{
    public static IReadOnlySet<string> Ids { get; } = AuditCommand.Rules
        .Concat(LintRegistry.Descriptors)
        .Concat(ScanRegistry.Rules)
        .Concat(DiffCommand.Rules)
        .Select(r => r.Id)
        .Append(ConfigPolicy.ExpiredIgnore)
        .ToHashSet(StringComparer.Ordinal);
}
