namespace Keyless.Formats.Output;

/// <summary>The renderings of a list of findings (spec §5, <c>--format</c>).</summary>
public enum OutputFormat
{
    /// <summary>Compiler-style lines for people.</summary>
    Text,

    /// <summary><c>{"version":1,"findings":[…]}</c>.</summary>
    Json,

    /// <summary>SARIF 2.1.0, for code scanning.</summary>
    Sarif,

    /// <summary>GitLab Code Quality (<c>artifacts:reports:codequality</c>).</summary>
    CodeQuality,

    /// <summary>GitLab's SAST report (<c>artifacts:reports:sast</c>): audit, lint, diff.</summary>
    GitLabSast,

    /// <summary>GitLab's secret-detection report (<c>artifacts:reports:secret_detection</c>): scan.</summary>
    GitLabSecretDetection,
}
