using Keyless.Trust.Findings;

namespace Keyless.Formats.Config;

/// <summary>
/// What a <c>.keyless.yml</c> says (schemas/keyless-config.schema.json): severity overrides per rule, the
/// <c>--fail-on</c> default, accepted risks (ignores) and the GitLab instance. Command-line options win over it.
/// </summary>
public sealed record KeylessConfig
{
    /// <summary>The file it was read from (findings about the config point at it).</summary>
    public required string File { get; init; }

    public Severity? FailOn { get; init; }

    public IReadOnlyDictionary<string, Severity> Severities { get; init; } = new Dictionary<string, Severity>();

    public IReadOnlyList<ConfigIgnore> Ignores { get; init; } = [];

    public Uri? GitLabUrl { get; init; }

    public Version? GitLabVersion { get; init; }
}
