namespace Keyless.GitLab.Lint.Shell;

/// <summary>A parsed piece of shell: pipelines in the order they run (joined by newlines, <c>;</c>, <c>&amp;&amp;</c>, <c>||</c>).</summary>
internal sealed record ShellScript(IReadOnlyList<ShellPipeline> Pipelines)
{
    public static ShellScript Empty { get; } = new([]);

    /// <summary>Every command, including those inside command substitutions, outermost first.</summary>
    public IEnumerable<ShellCommand> AllCommands()
    {
        var stack = new Stack<ShellScript>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            foreach (var command in stack.Pop().Pipelines.SelectMany(p => p.Commands))
            {
                yield return command;
                foreach (var substitution in command.AllWords.SelectMany(w => w.Substitutions))
                {
                    stack.Push(substitution);
                }
            }
        }
    }
}
