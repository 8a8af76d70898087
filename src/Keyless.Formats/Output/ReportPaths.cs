namespace Keyless.Formats.Output;

/// <summary>How a finding's file is spelled in a report: relative to the base directory when under it.</summary>
internal static class ReportPaths
{
    public static string Display(string file, string? baseDirectory)
    {
        if (baseDirectory is null || IsUrl(file) || !Path.IsPathFullyQualified(file))
        {
            // "keyless scan ." yields ./x; the report says x, as it would for an absolute path under the base.
            var plain = file.Replace('\\', '/');
            while (plain.StartsWith("./", StringComparison.Ordinal))
            {
                plain = plain[2..];
            }

            return plain;
        }

        var relative = Path.GetRelativePath(baseDirectory, file);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative))
        {
            return file.Replace('\\', '/');
        }

        return relative.Replace('\\', '/');
    }

    /// <summary>A SARIF artifact URI: URLs as they are, absolute paths as file URIs, relative paths escaped.</summary>
    public static string ToUri(string file, string? baseDirectory)
    {
        var display = Display(file, baseDirectory);
        if (IsUrl(display))
        {
            return display;
        }

        if (Path.IsPathFullyQualified(display))
        {
            return new Uri(display).AbsoluteUri;
        }

        return string.Join('/', display.Split('/').Select(Uri.EscapeDataString));
    }

    private static bool IsUrl(string file) =>
        file.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || file.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
