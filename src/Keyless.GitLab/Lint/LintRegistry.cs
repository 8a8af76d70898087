using Keyless.Formats.Output;
using Keyless.GitLab.Lint.Rules;

namespace Keyless.GitLab.Lint;

/// <summary>Every lint rule, explicitly, in report order. A rule not listed here does not run.</summary>
public static class LintRegistry
{
    public static IReadOnlyList<LintRule> Rules { get; } =
    [
        new IdTokensInDefaultRule(),
        new UnusedIdTokenRule(),
        new InstanceUrlAudienceRule(),
        new SharedAudienceRule(),
        new UnacceptedAudienceRule(),
        new TokenPrintedRule(),
        new TokenTransformedRule(),
        new TokenInArtifactsRule(),
        new CredentialsInArtifactsRule(),
        new UngatedTokenJobRule(),
        new RemovedCiJobJwtRule(),
        new UnpinnedIncludeRule(),
        new MissingEnvironmentRule(),
    ];

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = Rules.Select(r => r.Descriptor).ToList();
}
