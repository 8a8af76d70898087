namespace Keyless.Formats.Output;

/// <summary>The <c>--format</c> spellings of <see cref="OutputFormat"/>.</summary>
public static class OutputFormatNames
{
    /// <summary>Every accepted spelling, in the order help texts list them.</summary>
    public static IReadOnlyList<string> All { get; } = ["text", "json", "sarif", "codequality", "gitlab-sast", "gitlab-secret-detection"];

    public static string ToWire(this OutputFormat format) => format switch
    {
        OutputFormat.Text => "text",
        OutputFormat.Json => "json",
        OutputFormat.Sarif => "sarif",
        OutputFormat.CodeQuality => "codequality",
        OutputFormat.GitLabSast => "gitlab-sast",
        OutputFormat.GitLabSecretDetection => "gitlab-secret-detection",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static bool TryParse(string? text, out OutputFormat format)
    {
        foreach (var candidate in Enum.GetValues<OutputFormat>())
        {
            if (string.Equals(candidate.ToWire(), text, StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }
}
