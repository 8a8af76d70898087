using Keyless.Trust.Identities;
using Spectre.Console;

namespace Keyless.Cli.Commands.Explain;

/// <summary>The human form: a table of identity, decision and deciding clause, then each decision's reasons,
/// the failing clause highlighted.</summary>
internal static class ExplainText
{
    public static void Render(IAnsiConsole console, IReadOnlyList<Decision> decisions, IReadOnlyList<string> notes)
    {
        if (decisions.Count == 0)
        {
            console.MarkupLine("No identity in the inputs is reachable by a federated token (no workload identity bindings, no federated credentials).");
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("identity");
            table.AddColumn("cloud");
            table.AddColumn("decision");
            table.AddColumn("deciding clause");
            foreach (var d in decisions)
            {
                table.AddRow(
                    new Text(d.Identity.Name),
                    new Text(d.Identity.Cloud),
                    new Markup(Verdict(d.Verdict)),
                    new Markup(Clause(d)));
            }

            console.Write(table);
            foreach (var d in decisions)
            {
                console.WriteLine();
                console.MarkupLine($"{Verdict(d.Verdict)} [bold]{Markup.Escape(d.Identity.Name)}[/]");
                for (var i = 0; i < d.Reasons.Count; i++)
                {
                    // The first reason of a deny is the cloud's own error: the failing clause, highlighted.
                    var text = Markup.Escape(d.Reasons[i]);
                    console.MarkupLine(i == 0 && d.Verdict != Trust.Identities.Verdict.Allow ? $"  [red]{text}[/]" : $"  {text}");
                }
            }
        }

        foreach (var note in notes)
        {
            console.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
        }
    }

    private static string Verdict(Verdict verdict) => verdict switch
    {
        Trust.Identities.Verdict.Allow => "[green]ALLOW[/]",
        Trust.Identities.Verdict.Deny => "[red]DENY[/]",
        _ => "[yellow]INDETERMINATE[/]",
    };

    private static string Clause(Decision d)
    {
        if (d.Clause is not { } clause)
        {
            return "-";
        }

        var check = clause.Check.ToString().ToLowerInvariant();
        var error = clause.Error is { } e ? $" [red]{Markup.Escape(e.Error)}[/]" : string.Empty;
        var text = clause.Text is { Length: > 0 } t ? $": [red]{Markup.Escape(t.Length > 80 ? t[..77] + "..." : t)}[/]" : string.Empty;
        return $"{check}{error}{text}";
    }
}
