namespace Keyless.GitLab.Lint.Shell;

/// <summary>One simple command: leading <c>NAME=value</c> assignments, its words and its redirections.</summary>
internal sealed record ShellCommand(
    IReadOnlyList<ShellWord> Assignments,
    IReadOnlyList<ShellWord> Words,
    IReadOnlyList<ShellRedirect> Redirects,
    int Line)
{
    /// <summary>The program, without its folder (<c>/usr/bin/base64</c> → <c>base64</c>); empty for a bare assignment.</summary>
    public string Name
    {
        get
        {
            if (Words.Count == 0)
            {
                return string.Empty;
            }

            var text = Words[0].Text;
            var slash = text.LastIndexOf('/');
            return slash >= 0 ? text[(slash + 1)..] : text;
        }
    }

    /// <summary>The words after the program name.</summary>
    public IEnumerable<ShellWord> Arguments => Words.Skip(1);

    /// <summary>Every word the command expands: assignments, words and redirection targets.</summary>
    public IEnumerable<ShellWord> AllWords => Assignments.Concat(Words).Concat(Redirects.Select(r => r.Target));

    /// <summary>The file standard output is written to, if it is redirected to one.</summary>
    public ShellRedirect? StdoutFile => Redirects.LastOrDefault(r => r.WritesStdout);
}
