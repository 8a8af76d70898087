namespace Keyless.Trust.Findings;

/// <summary>
/// One root cause: the resource a fix edits (a provider, a federated credential, a binding: the finding's file and
/// JSON path or line) with every per-identity finding it gives. Fixing it closes all of them, so a platform team
/// reads one entry per thing to change instead of one per identity × persona.
/// </summary>
public sealed class FindingCause
{
    internal FindingCause(int index, string file, int? line, string? path, IReadOnlyList<Finding> findings, IReadOnlyList<int> findingIndexes)
    {
        Index = index;
        Location = new FindingLocation(file, line, path);
        Findings = findings;
        FindingIndexes = findingIndexes;

        // The lead is the worst finding, the first of equals: its rule, message and fix head the cause.
        Lead = findings[0];
        foreach (var finding in findings)
        {
            if (finding.Severity > Lead.Severity)
            {
                Lead = finding;
            }
        }

        Identities = findings.Select(f => f.Identity).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        Rules = findings.Select(f => f.Id).Distinct(StringComparer.Ordinal).ToArray();

        // One witness per persona, the worst finding of that persona, so the cause shows who can exploit it without
        // repeating the same attack for every identity behind the resource.
        Witnesses = findings
            .Where(f => f.Persona is not null)
            .GroupBy(f => f.Persona!.Value)
            .Select(g => g.Aggregate((best, f) => f.Severity > best.Severity ? f : best))
            .OrderBy(f => f.Persona!.Value)
            .ToArray();

        // A resource can fail several rules (a loose condition lets anyone in and also admits tags): each distinct fix
        // once, with the rules it answers, the worst rule's first.
        Fixes = findings
            .OrderByDescending(f => f.Severity)
            .GroupBy(f => f.Fix, StringComparer.Ordinal)
            .Select(g => new CauseFix(g.Key, g.Select(f => f.Id).Distinct(StringComparer.Ordinal).ToArray()))
            .ToArray();
    }

    /// <summary>Position in the report's cause order (worst first).</summary>
    public int Index { get; }

    /// <summary>The resource the fix edits: the findings' common file and JSON path (or line).</summary>
    public FindingLocation Location { get; }

    /// <summary>The per-identity findings of this cause, in report order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Where each of <see cref="Findings"/> stands in the per-identity list (0-based).</summary>
    public IReadOnlyList<int> FindingIndexes { get; }

    /// <summary>The worst finding (the first of equals).</summary>
    public Finding Lead { get; }

    public Severity Severity => Lead.Severity;

    /// <summary>Every identity the resource exposes, in first-seen order.</summary>
    public IReadOnlyList<string> Identities { get; }

    /// <summary>Every rule the resource fails, in first-seen order.</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>One finding per persona (its witness shows that persona's attack), in persona order.</summary>
    public IReadOnlyList<Finding> Witnesses { get; }

    /// <summary>Each distinct fix with the rules it answers, worst first.</summary>
    public IReadOnlyList<CauseFix> Fixes { get; }
}
