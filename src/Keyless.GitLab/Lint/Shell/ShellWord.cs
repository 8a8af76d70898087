namespace Keyless.GitLab.Lint.Shell;

/// <summary>
/// One shell word with its quotes removed. Expansions stay visible: <see cref="Text"/> keeps <c>$NAME</c> (also for
/// <c>${NAME}</c>) and <c>$(…)</c>; <see cref="Variables"/> lists the names expanded in it and
/// <see cref="Substitutions"/> the command substitutions, whose output is captured rather than printed.
/// </summary>
internal sealed record ShellWord(string Text, IReadOnlyList<string> Variables, IReadOnlyList<ShellScript> Substitutions)
{
    public bool HasExpansion => Variables.Count > 0 || Substitutions.Count > 0;
}
