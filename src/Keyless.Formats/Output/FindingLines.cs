using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// Gives findings about JSON inputs (audit and diff point at a file and a JSON path) the line the path starts on,
/// so SARIF regions, Code Quality lines and text diagnostics land on it. Findings that have a line, or whose file
/// is not readable JSON on this machine (an API URL, a file since moved), are kept as they are.
/// </summary>
public static class FindingLines
{
    // Trust inputs are small; a larger file is not worth reading again for a line number.
    private const long MaxBytes = 64L * 1024 * 1024;

    public static IReadOnlyList<Finding> Resolve(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var result = new Finding[findings.Count];

        // Findings by file, so each file is read once and let go before the next: an estate's report points into
        // thousands of files, which together would be held in memory at once.
        var byFile = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            result[i] = finding;
            if (finding.Location is { Line: null, Path: ['$', ..], File: var file })
            {
                if (!byFile.TryGetValue(file, out var indices))
                {
                    byFile[file] = indices = [];
                }

                indices.Add(i);
            }
        }

        foreach (var (file, indices) in byFile)
        {
            if (Read(file) is not { } bytes)
            {
                continue;
            }

            foreach (var i in indices)
            {
                var finding = result[i];
                if (JsonPathLine.Find(bytes, finding.Location.Path!) is { } line)
                {
                    result[i] = finding with { Location = finding.Location with { Line = line } };
                }
            }
        }

        return result;
    }

    private static byte[]? Read(string file)
    {
        byte[]? bytes = null;
        try
        {
            var info = new FileInfo(file);
            if (info.Exists && info.Length <= MaxBytes)
            {
                bytes = File.ReadAllBytes(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Not a readable file (a URL, a name like "(GitLab default)"): the finding keeps no line.
        }

        return bytes;
    }
}
