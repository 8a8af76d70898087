namespace Keyless.GitLab.Pipeline;

/// <summary>The forms of <c>include:</c>. Only <see cref="Local"/> files are read; the others are recorded.</summary>
public enum IncludeKind
{
    Local,
    Remote,
    Project,
    Template,
    Component,
    Artifact,
}
