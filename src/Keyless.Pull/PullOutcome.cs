using Keyless.Pull.Output;

namespace Keyless.Pull;

/// <summary>How a pull ended: the folder, what was written, what could not be read (and why), and the exit code of the
/// pull contract: 0 complete, 4 partial (the rest is written), 2 nothing could be read.</summary>
public sealed record PullOutcome(string Folder, int FilesWritten, IReadOnlyList<PullFailure> Failures, IReadOnlyList<PulledSecret> Secrets,
                                 IReadOnlyDictionary<string, int> Calls, int ExitCode)
{
    public const int Complete = 0;
    public const int NothingRead = 2;
    public const int Partial = 4;
}
