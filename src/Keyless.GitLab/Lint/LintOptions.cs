using Keyless.Trust.Model;

namespace Keyless.GitLab.Lint;

/// <summary>What the lint runs with beyond the pipeline itself.</summary>
public sealed record LintOptions
{
    public static LintOptions Default { get; } = new();

    /// <summary>The cloud trust the pipeline's tokens are exchanged at; rules that need it stay silent without.</summary>
    public TrustSet? Trust { get; init; }
}
