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

    private readonly IReadOnlyList<Detector> _detectors;
    private readonly Action<string> _log;

    public SecretScanner(IReadOnlyList<Detector>? detectors = null, Action<string>? log = null)
    {
        _detectors = detectors ?? ScanRegistry.Detectors;
        _log = log ?? (_ => { });
    }

    /// <summary>Scans files (as listed by <see cref="FileWalker"/>) and reports after each one.</summary>
    public IReadOnlyList<Finding> ScanFiles(IReadOnlyList<string> files, IProgress<ScanProgress>? progress = null,
                                            CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sizes = files.Select(SizeOf).ToArray();
        var total = sizes.Sum();
        long done = 0;
        var findings = new List<Finding>();
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadText(files[i], sizes[i]) is { } text)
            {
                findings.AddRange(ScanText(text, files[i]));
            }

            done += sizes[i];
            progress?.Report(new ScanProgress(i + 1, files.Count, done, total));
        }

        return findings;
    }

    /// <summary>Scans one text, reporting findings at <paramref name="file"/> with line numbers.</summary>
    public IReadOnlyList<Finding> ScanText(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = new List<Finding>();
        var line = 1;
        var counted = 0;
        foreach (var found in TextScanner.Scan(_detectors, new ScanText(text)))
        {
            // Matches come in offset order, so counting line breaks incrementally keeps this linear.
            for (; counted < found.Match.Start && counted < text.Length; counted++)
            {
                if (text[counted] == '\n')
                {
                    line++;
                }
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

            foreach (var found in TextScanner.Scan(_detectors, new ScanText(variable.Value, variable.Key)))
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
