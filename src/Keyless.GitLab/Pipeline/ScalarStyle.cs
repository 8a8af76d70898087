namespace Keyless.GitLab.Pipeline;

/// <summary>How a scalar was written; it decides whether <c>null</c> is a null and how text lines map to file lines.</summary>
public enum ScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}
