namespace Keyless.GitLab.Lint.Shell;

/// <summary>Commands joined by <c>|</c>: each one's output feeds the next.</summary>
internal sealed record ShellPipeline(IReadOnlyList<ShellCommand> Commands)
{
    public int Line => Commands.Count > 0 ? Commands[0].Line : 0;
}
