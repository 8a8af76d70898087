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
        ArgumentNullException.ThrowIfNull(claims);
        // Asked of every claim of every path, most of which the trust never reads: those cost one lookup each.
        var byClaim = atoms.ByClaim;
        var relevant = claims.Length == 1 ? byClaim.GetValueOrDefault(claims[0], []) : Relevant(atoms, claims, byClaim);
        if (relevant.Length == 0)
        {
            return [];
        }

        var values = new List<string>();
        var prefixes = new List<string>();
        var suffixes = new List<string>();
        var middles = new List<string>();
        foreach (var atom in relevant)
        {
            values.AddRange(From(atom));
            (atom.Kind switch { AtomKind.Prefix => prefixes, AtomKind.Suffix => suffixes, AtomKind.Contains => middles, _ => null })?.Add(atom.Literal);
        }

        foreach (var prefix in prefixes)
        {
            foreach (var suffix in suffixes)
            {
                values.Add(prefix + "evil" + suffix);
            }

            foreach (var middle in middles)
            {
                values.Add(prefix + middle);
            }
        }

        foreach (var middle in middles)
        {
            foreach (var suffix in suffixes)
            {
                values.Add(middle + suffix);
            }
        }

        return values.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The atoms on any of the claims, in the order the trust has them.</summary>
    private static ClaimAtom[] Relevant(AtomSet atoms, string[] claims, IReadOnlyDictionary<string, ClaimAtom[]> byClaim)
    {
        if (!claims.Any(byClaim.ContainsKey))
        {
            return [];
        }

        var relevant = new List<ClaimAtom>();
        foreach (var atom in atoms.Atoms)
        {
            if (Array.IndexOf(claims, atom.Claim) >= 0)
            {
                relevant.Add(atom);
            }
        }

        return [.. relevant];
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
