namespace Keyless.GitLab.Lint;

/// <summary>What the lint runs with beyond the pipeline itself.</summary>
public sealed record LintOptions
{
    public static LintOptions Default { get; } = new();
}
