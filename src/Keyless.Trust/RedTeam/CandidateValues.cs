using Keyless.Trust.Evaluation.Azure;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Boundary values per claim from the atoms on it: each literal, the literal with attacker text appended or
/// prepended (<c>-evil</c>, <c>x</c>, <c>evil/</c>), prefix and suffix fillers and their joins, wildcard
/// instantiations, regex instances and near misses. Together with the persona's own values they hit every class
/// the atoms split the claim into.
/// </summary>
public static class CandidateValues
{
    public static IReadOnlyList<string> For(AtomSet atoms, params string[] claims)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        var values = new List<string>();
        var relevant = atoms.Atoms.Where(a => claims.Contains(a.Claim)).ToArray();
        foreach (var atom in relevant)
        {
            values.AddRange(From(atom));
        }

        var prefixes = relevant.Where(a => a.Kind == AtomKind.Prefix).Select(a => a.Literal).ToArray();
        var suffixes = relevant.Where(a => a.Kind == AtomKind.Suffix).Select(a => a.Literal).ToArray();
        var middles = relevant.Where(a => a.Kind == AtomKind.Contains).Select(a => a.Literal).ToArray();
        foreach (var prefix in prefixes)
        {
            values.AddRange(suffixes.Select(s => prefix + "evil" + s));
            values.AddRange(middles.Select(m => prefix + m));
        }

        foreach (var middle in middles)
        {
            values.AddRange(suffixes.Select(s => middle + s));
        }

        return values.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<string> From(ClaimAtom atom)
    {
        var l = atom.Literal;
        switch (atom.Kind)
        {
            case AtomKind.Equals:
                return [l, l + "-evil", l + "x", "evil-" + l, "evil/" + l];
            case AtomKind.Prefix:
                return [l, l + "-evil", l + "x", l + "/evil", "evil-" + l];
            case AtomKind.Suffix:
                return [l, "evil-" + l, "evil/" + l, "x" + l, l + "x"];
            case AtomKind.Contains:
                return [l, "evil-" + l + "-evil", "evil/" + l, l + "x"];
            case AtomKind.Regex:
                return RegexExamples.For(l);
            default:
                var pattern = new WildcardPattern(l);
                var instances = new[] { l.Replace("*", string.Empty, StringComparison.Ordinal), l.Replace("*", "evil", StringComparison.Ordinal), l.Replace("*", "-evil", StringComparison.Ordinal) }
                    .Select(s => s.Replace('?', 'x'))
                    .Where(pattern.IsMatch);
                return [.. instances, pattern.LiteralPrefix + "x", "evil-" + l.Replace("*", "x", StringComparison.Ordinal).Replace('?', 'x')];
        }
    }
}
