using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// Compiler-style diagnostics: <c>file:line: severity[id]: message</c>, then indented details and the fix,
/// then a one-line summary. Colour is plain ANSI so the library needs no console.
/// </summary>
internal static class TextFindingRenderer
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
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

    private static void Detail(TextWriter output, bool color, string label, string text)
    {
        output.Write("  ");
        output.Write(Paint(color, Dim, label + ":"));
        output.Write(' ');
        output.Write(text);
        output.Write('\n');
    }

    private static string Summary(IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return "no findings";
        }

        var parts = Enum.GetValues<Severity>()
            .Reverse()
            .Select(s => (Severity: s, Count: findings.Count(f => f.Severity == s)))
            .Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {p.Severity.ToWire()}");
        var noun = findings.Count == 1 ? "finding" : "findings";
        return $"{findings.Count} {noun} ({string.Join(", ", parts)})";
    }

    private static string ColorOf(Severity severity) => severity switch
    {
        Severity.Critical => "\u001b[1;31m",
        Severity.High => "\u001b[31m",
        Severity.Medium => "\u001b[33m",
        Severity.Low => "\u001b[36m",
        _ => "\u001b[34m",
    };

    private static string Paint(bool color, string code, string text) => color ? code + text + Reset : text;
}
