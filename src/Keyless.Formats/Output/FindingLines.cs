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
        var files = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        var result = new Finding[findings.Count];
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            result[i] = finding;
            if (finding.Location is { Line: null, Path: ['$', ..] path, File: var file }
                && Read(files, file) is { } bytes
                && JsonPathLine.Find(bytes, path) is { } line)
            {
                result[i] = finding with { Location = finding.Location with { Line = line } };
            }
        }

        return result;
    }

    private static byte[]? Read(Dictionary<string, byte[]?> files, string file)
    {
        if (files.TryGetValue(file, out var cached))
        {
            return cached;
        }

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

        files[file] = bytes;
        return bytes;
    }
}
