using System.Globalization;
using System.Text;

namespace Keyless.Compare;

/// <summary>One line of the table: a workload, who ran it, the measured figure and its unit.</summary>
public sealed record Row(string Workload, string Engine, double Value, string Unit, string Note = "");

/// <summary>
/// Collects rows and the six summary figures, and prints the table followed by exactly the summary lines the
/// issue fixes (docs/performance.md): speedup = peer time ÷ Keyless time, overhead = Keyless time ÷ baseline time.
/// </summary>
public sealed class Report
{
    public static readonly string[] SummaryKeys =
    [
        "speedup cel-eval vs @marcbachmann/cel-js",
        "speedup cel-eval vs @bufbuild/cel",
        "overhead cel-eval vs hand-written C#",
        "speedup sts-exchange vs oauth2-mock-server",
        "speedup scan vs secretlint",
        "overhead audit 10x corpus",
    ];

    private readonly List<Row> _rows = [];
    private readonly Dictionary<string, double> _summary = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];

    public void Add(Row row) => _rows.Add(row);

    public void Note(string note) => _notes.Add(note);

    public void Summary(string key, double value)
    {
        if (!SummaryKeys.Contains(key, StringComparer.Ordinal))
        {
            throw new ArgumentException($"not a summary line: {key}", nameof(key));
        }

        _summary[key] = value;
    }

    public string Render()
    {
        var text = new StringBuilder();
        var widths = new[]
        {
            Math.Max(8, _rows.Select(r => r.Workload.Length).DefaultIfEmpty(0).Max()),
            Math.Max(6, _rows.Select(r => r.Engine.Length).DefaultIfEmpty(0).Max()),
            14,
        };
        text.AppendLine(Line("workload", "engine", "measured", "note", widths));
        text.AppendLine(new string('-', widths.Sum() + 6 + 30));
        foreach (var row in _rows)
        {
            text.AppendLine(Line(row.Workload, row.Engine, Format(row.Value) + " " + row.Unit, row.Note, widths));
        }

        foreach (var note in _notes)
        {
            text.AppendLine("note: " + note);
        }

        text.AppendLine();
        foreach (var key in SummaryKeys)
        {
            // A section that could not run says so with NaN rather than a made-up number.
            var value = _summary.TryGetValue(key, out var v) ? v : double.NaN;
            text.AppendLine(CultureInfo.InvariantCulture, $"{key}: {Format(value)}");
        }

        return text.ToString();
    }

    public static string Format(double value) => double.IsNaN(value)
        ? "NaN"
        : value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    private static string Line(string a, string b, string c, string d, int[] widths) =>
        $"{a.PadRight(widths[0])}  {b.PadRight(widths[1])}  {c.PadLeft(widths[2])}  {d}".TrimEnd();
}
