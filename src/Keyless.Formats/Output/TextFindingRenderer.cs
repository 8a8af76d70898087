using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// Compiler-style diagnostics: <c>file:line: severity[id]: message</c>, then indented details and the fix,
/// then a one-line summary. Colour is plain ANSI so the library needs no console.
/// </summary>
internal static class TextFindingRenderer
{
    private const string Reset = "\u001b[0m";
    internal const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";

    public static void Write(TextWriter output, IReadOnlyList<Finding> findings, FindingWriterOptions options)
    {
        foreach (var finding in findings)
        {
            var where = ReportPaths.Display(finding.Location.File, options.BaseDirectory);
            if (finding.Location.Line is { } line)
            {
                where += $":{line}";
            }

            var severity = finding.Severity.ToWire();
            output.Write(Paint(options.Color, Bold, where + ":"));
            output.Write(' ');
            output.Write(Paint(options.Color, ColorOf(finding.Severity), $"{severity}[{finding.Id}]:"));
            output.Write(' ');
            output.Write(finding.Message);
            output.Write('\n');

            if (finding.Location.Path is { Length: > 0 } path)
            {
                Detail(output, options.Color, "at", path);
            }

            if (finding.Identity is { Length: > 0 } identity)
            {
                Detail(output, options.Color, "identity", identity);
            }

            if (finding.Persona is { } persona)
            {
                Detail(output, options.Color, "persona", persona.ToWire());
            }

            Detail(output, options.Color, "confidence", finding.Confidence.ToWire());
            Detail(output, options.Color, "fix", finding.Fix);
            output.Write('\n');
        }

        output.Write(Summary(findings));
        output.Write('\n');
    }

    internal static void Detail(TextWriter output, bool color, string label, string text)
    {
        output.Write("  ");
        output.Write(Paint(color, Dim, label + ":"));
        output.Write(' ');
        output.Write(text);
        output.Write('\n');
    }

    internal static string Summary(IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return "no findings";
        }

        var noun = findings.Count == 1 ? "finding" : "findings";
        return $"{findings.Count} {noun} ({BySeverity(findings.Select(f => f.Severity))})";
    }

    /// <summary>"2 critical, 5 high", worst first, leaving out the severities with none.</summary>
    internal static string BySeverity(IEnumerable<Severity> severities)
    {
        var counts = new int[Enum.GetValues<Severity>().Length];
        foreach (var severity in severities)
        {
            counts[(int)severity]++;
        }

        return string.Join(", ", Enum.GetValues<Severity>().Reverse().Where(s => counts[(int)s] > 0).Select(s => $"{counts[(int)s]} {s.ToWire()}"));
    }

    internal static string ColorOf(Severity severity) => severity switch
    {
        Severity.Critical => "\u001b[1;31m",
        Severity.High => "\u001b[31m",
        Severity.Medium => "\u001b[33m",
        Severity.Low => "\u001b[36m",
        _ => "\u001b[34m",
    };

    internal static string Paint(bool color, string code, string text) => color ? code + text + Reset : text;
}
