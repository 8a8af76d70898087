namespace Keyless.Testing;

/// <summary>What a real client program printed and returned; its text is the failure message a test shows.</summary>
public sealed record ToolRun(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StdOut}\nstderr:\n{StdErr}";
}
