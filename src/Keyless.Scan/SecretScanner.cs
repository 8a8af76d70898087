using System.Text;
using Keyless.GitLab.Api;
using Keyless.Scan.Detectors;
using Keyless.Scan.Text;
using Keyless.Trust.Findings;

namespace Keyless.Scan;

/// <summary>
/// Scans files and CI/CD variables for static credentials with the registry's detectors. Notes about skipped
/// input go to <c>log</c>; neither notes nor findings ever contain secret material.
/// </summary>
public sealed class SecretScanner
{
    /// <summary>Files larger than this are skipped with a note (keys are small; logs and dumps are not).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private const int BinaryProbeBytes = 8000;

    /// <summary>Below this many bytes in all, files are scanned on the calling thread (threads cost more).</summary>
    private const long ParallelFromBytes = 1024 * 1024;

    private readonly IReadOnlyList<Detector> _detectors;
    private readonly KeywordPrefilter _prefilter;
    private readonly Action<string> _log;
    private readonly Lock _gate = new();

    public SecretScanner(IReadOnlyList<Detector>? detectors = null, Action<string>? log = null)
    {
        _detectors = detectors ?? ScanRegistry.Detectors;
        _prefilter = new KeywordPrefilter(_detectors);
        var sink = log ?? (_ => { });
        _log = note =>
        {
            lock (_gate)
            {
                sink(note);
            }
        };
    }

    /// <summary>Scans files (as listed by <see cref="FileWalker"/>) and reports after each one.</summary>
    public IReadOnlyList<Finding> ScanFiles(IReadOnlyList<string> files, IProgress<ScanProgress>? progress = null,
                                            CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sizes = files.Select(SizeOf).ToArray();
        var total = sizes.Sum();
        long done = 0;
        var filesDone = 0;
        var perFile = new IReadOnlyList<Finding>?[files.Count];
        void ScanOne(int i)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadText(files[i], sizes[i]) is { } text)
            {
                perFile[i] = ScanText(text, files[i]);
            }

            // Under the lock, progress stays monotone and callers' handlers never run concurrently.
            lock (_gate)
            {
                done += sizes[i];
                progress?.Report(new ScanProgress(++filesDone, files.Count, done, total));
            }
        }

        if (total >= ParallelFromBytes && files.Count > 1 && Environment.ProcessorCount > 1)
        {
            var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            try
            {
                Parallel.For(0, files.Count, parallel, ScanOne);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
        else
        {
            for (var i = 0; i < files.Count; i++)
            {
                ScanOne(i);
            }
        }

        // Findings in file order, whatever order the files finished in.
        return perFile.Where(f => f is not null).SelectMany(f => f!).ToList();
    }

    /// <summary>Scans one text, reporting findings at <paramref name="file"/> with line numbers.</summary>
    public IReadOnlyList<Finding> ScanText(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = new List<Finding>();
        var line = 1;
        var counted = 0;
        foreach (var found in TextScanner.Scan(_prefilter, new ScanText(text)))
        {
            // Matches come in offset order, so counting line breaks incrementally keeps this linear.
            var upTo = Math.Min(found.Match.Start, text.Length);
            if (upTo > counted)
            {
                line += text.AsSpan(counted, upTo - counted).Count('\n');
                counted = upTo;
            }

            findings.Add(ScanFindings.InFile(found.Detector, found.Match, file, line));
        }

        return findings;
    }

    /// <summary>Scans the values of a set of variables, and judges withheld (hidden) ones by their names.</summary>
    public IReadOnlyList<Finding> ScanVariables(GitLabVariableSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var findings = new List<Finding>();
        foreach (var variable in set.Variables)
        {
            if (variable.Value is null)
            {
                foreach (var detector in _detectors)
                {
                    if (detector.JudgeWithheld(variable) is { } reason)
                    {
                        findings.Add(ScanFindings.Withheld(detector, reason, set, variable));
                    }
                }

                continue;
            }

            foreach (var found in TextScanner.Scan(_prefilter, new ScanText(variable.Value, variable.Key)))
            {
                findings.Add(ScanFindings.InVariable(found.Detector, found.Match, set, variable));
            }
        }

        return findings;
    }

    private static long SizeOf(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private string? ReadText(string file, long size)
    {
        if (size > MaxFileBytes)
        {
            _log($"skipped {file}: larger than {MaxFileBytes / (1024 * 1024)} MiB");
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log($"skipped {file}: {e.Message}");
            return null;
        }

        // A NUL byte early on means a binary file (git's heuristic); keys are text.
        if (bytes.AsSpan(0, Math.Min(bytes.Length, BinaryProbeBytes)).Contains((byte)0))
        {
            return null;
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
