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

    /// <summary>Adds the per-component atoms a whole-sub atom implies.</summary>
    public static void Decompose(ClaimAtom subAtom, AtomSet into)
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
                into.Add(new ClaimAtom(name, k, value));
            }
        }
    }
}
