namespace Keyless.GitLab.Lint.Shell;

/// <summary>
/// A redirection: <c>&gt;</c>, <c>&gt;&gt;</c>, <c>&lt;</c>, <c>&lt;&lt;&lt;</c> (here-string), <c>&lt;&lt;</c> (here-document,
/// whose body is <see cref="Target"/>), with its file descriptor when one was written (<c>2&gt;</c>).
/// </summary>
internal sealed record ShellRedirect(string Operator, ShellWord Target, int? FileDescriptor = null)
{
    /// <summary>Standard output goes to <see cref="Target"/> (a file, not another descriptor).</summary>
    public bool WritesStdout =>
        Operator is ">" or ">>" or ">|" or "&>" or "&>>" && FileDescriptor is null or 1 && !Target.Text.StartsWith('&');

    public bool Appends => Operator is ">>" or "&>>";

    /// <summary>Feeds standard input: a file, a here-string or a here-document.</summary>
    public bool ReadsStdin => Operator is "<" or "<<<" or "<<" or "<<-";
}
