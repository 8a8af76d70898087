using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// The text report by root cause: a summary first (causes by severity, identities exposed, the fix that closes the
/// most), then one compiler-style diagnostic per cause with the identities it exposes, one line per persona that
/// can exploit it, and its fixes; the per-identity detail is in <c>--group-by identity</c> and the JSON report.
/// </summary>
internal static class CauseTextRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<Finding> findings, FindingWriterOptions options)
    {
        var causes = FindingCauses.Group(findings);
        if (causes.Count == 0)
        {
            output.Write("no findings\n");
            return;
        }

        var color = options.Color;
        output.Write(Summary(findings, causes));
        output.Write('\n');
        if (FindingCauses.Widest(causes) is { } widest)
        {
            output.Write($"Fix first: {Where(widest, options)} ({widest.Lead.Id}) closes {Closes(widest)}.\n");
        }

        output.Write('\n');
        foreach (var cause in causes)
        {
            output.Write(TextFindingRenderer.Paint(color, TextFindingRenderer.Bold, Where(cause, options) + ":"));
            output.Write(' ');
            output.Write(TextFindingRenderer.Paint(color, TextFindingRenderer.ColorOf(cause.Severity), $"{cause.Severity.ToWire()}[{cause.Lead.Id}]:"));
            output.Write(' ');
            output.Write(cause.Lead.Message);
            output.Write('\n');
            if (cause.Location.Path is { Length: > 0 } path)
            {
                TextFindingRenderer.Detail(output, color, "at", path);
            }

            if (cause.Identities.Count > 0)
            {
                TextFindingRenderer.Detail(output, color, $"identities ({cause.Identities.Count})", string.Join(", ", cause.Identities));
            }

            if (cause.Rules.Count > 1)
            {
                TextFindingRenderer.Detail(output, color, "rules", string.Join(", ", cause.Rules));
            }

            foreach (var witness in cause.Witnesses)
            {
                TextFindingRenderer.Detail(output, color, "persona", $"{witness.Persona!.Value.ToWire()}: {witness.Severity.ToWire()}[{witness.Id}] as {witness.Identity}");
            }

            TextFindingRenderer.Detail(output, color, "confidence", cause.Lead.Confidence.ToWire());
            foreach (var fix in cause.Fixes)
            {
                TextFindingRenderer.Detail(output, color, cause.Fixes.Count == 1 ? "fix" : $"fix [{string.Join(", ", fix.Rules)}]", fix.Text);
            }

            output.Write('\n');
        }

        output.Write(Summary(findings, causes));
        output.Write('\n');
    }

    private static string Summary(IReadOnlyList<Finding> findings, IReadOnlyList<FindingCause> causes)
    {
        var identities = findings.Select(f => f.Identity).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        var noun = causes.Count == 1 ? "cause" : "causes";
        var text = $"{causes.Count} {noun} ({TextFindingRenderer.BySeverity(causes.Select(c => c.Severity))}) of {TextFindingRenderer.Summary(findings)}";
        return identities > 0 ? $"{text}; {identities} {(identities == 1 ? "identity" : "identities")} exposed" : text;
    }

    private static string Closes(FindingCause cause) =>
        cause.Identities.Count > 0
            ? $"{cause.Findings.Count} {(cause.Findings.Count == 1 ? "finding" : "findings")} for {cause.Identities.Count} {(cause.Identities.Count == 1 ? "identity" : "identities")}"
            : $"{cause.Findings.Count} {(cause.Findings.Count == 1 ? "finding" : "findings")}";

    private static string Where(FindingCause cause, FindingWriterOptions options)
    {
        var where = ReportPaths.Display(cause.Location.File, options.BaseDirectory);
        return cause.Location.Line is { } line ? $"{where}:{line}" : where;
    }
}
