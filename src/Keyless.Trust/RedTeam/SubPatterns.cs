using Keyless.Trust.Claims;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Reads a <c>sub</c> literal or wildcard pattern as GitLab renders it (<c>name:value</c> pairs joined by
/// <c>:</c>; refs and paths cannot hold <c>:</c>, so the split is unambiguous) and turns each pair into an atom on
/// the component's own claim, so the search can aim at the parts.
/// </summary>
public static class SubPatterns
{
    /// <summary>The component names a subject literal uses, in order, or null when it is not a GitLab sub.</summary>
    public static IReadOnlyList<string>? Components(string subject)
    {
        var pairs = Pairs(subject);
        return pairs.Count == 0 ? null : pairs.Select(p => p.Name).ToArray();
    }

    public static IReadOnlyList<(string Name, string Value)> Pairs(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var parts = subject.Split(':');
        var pairs = new List<(string, string)>();
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            if (!SubClaimRenderer.AllowedComponents.Contains(parts[i]))
            {
                break;
            }

            pairs.Add((parts[i], parts[i + 1]));
        }

        return pairs;
    }

    /// <summary>Adds the per-component atoms a whole-sub atom implies; <paramref name="pin"/> when the sub atom must hold.</summary>
    public static void Decompose(ClaimAtom subAtom, AtomSet into, bool pin = false)
    {
        ArgumentNullException.ThrowIfNull(subAtom);
        ArgumentNullException.ThrowIfNull(into);
        var pairs = Pairs(subAtom.Literal);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (name, value) = pairs[i];
            var last = i == pairs.Count - 1;
            var kind = subAtom.Kind switch
            {
                AtomKind.Wildcard when value.Contains('*', StringComparison.Ordinal) || value.Contains('?', StringComparison.Ordinal) => AtomKind.Wildcard,
                AtomKind.Prefix when last => AtomKind.Prefix,
                AtomKind.Equals or AtomKind.Wildcard or AtomKind.Prefix => AtomKind.Equals,
                _ => (AtomKind?)null,
            };
            if (kind is { } k)
            {
                var atom = new ClaimAtom(name, k, value);
                into.Add(atom);
                if (pin)
                {
                    into.Pin(atom);
                }
            }
        }
    }

    /// <summary>
    /// For sub patterns that are not a whole subject (<c>contains('acme/app:')</c>, <c>endsWith</c>, a regex), the
    /// project path they mention, as an atom on <c>project_path</c>: a value before a <c>:</c> ends where the path
    /// ends (paths and refs hold no <c>:</c>), and <c>project_path:X:</c> names X whole. The atom only refines the
    /// search's classes and candidates (so <c>evil/acme/app</c> is tried); it never pins a victim.
    /// </summary>
    public static void DeriveProjectAtoms(AtomSet atoms)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        foreach (var atom in atoms.On(GitLabClaimNames.Subject).ToArray())
        {
            if (atom.Kind is AtomKind.Equals or AtomKind.Wildcard or AtomKind.Prefix)
            {
                continue; // Decompose has split these into their components.
            }

            var text = atom.Kind == AtomKind.Regex ? (RegexExamples.For(atom.Literal) is [var first, ..] ? first : null) : atom.Literal;
            if (text is null)
            {
                continue;
            }

            const string Marker = GitLabClaimNames.ProjectPath + ":";
            var at = text.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var rest = text[(at + Marker.Length)..];
                var end = rest.IndexOf(':', StringComparison.Ordinal);
                atoms.Add(end >= 0 ? new ClaimAtom(GitLabClaimNames.ProjectPath, AtomKind.Equals, rest[..end]) : new ClaimAtom(GitLabClaimNames.ProjectPath, AtomKind.Prefix, rest));
                continue;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var piece = colon >= 0 ? text[..colon] : text;
            if (piece.Contains('/', StringComparison.Ordinal))
            {
                atoms.Add(new ClaimAtom(GitLabClaimNames.ProjectPath, colon >= 0 ? AtomKind.Suffix : AtomKind.Contains, piece));
            }
        }
    }
}
