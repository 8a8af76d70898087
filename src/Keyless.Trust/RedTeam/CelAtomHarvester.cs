using Keyless.Cel;
using Keyless.Trust.Claims;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Walks a GCP attribute condition (CEL over <c>assertion</c>, <c>google</c>, <c>attribute</c>) and records each
/// literal or pattern it applies to a claim. Boolean structure (<c>&amp;&amp;</c>, <c>||</c>, <c>!</c>) is kept
/// out of the atoms: the search tries every class of every atom, so any boolean combination is covered. Only the
/// polarity is kept, so an equality that must hold (not under <c>!</c>, not a <c>!=</c>) can name the victim.
/// Anything else is recorded as outside the fragment, and its literals are still harvested.
/// </summary>
public sealed class CelAtomHarvester(IReadOnlyDictionary<string, ClaimSource> mapping, AtomSet into)
{
    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal)
    {
        CelOperators.LogicalAnd, CelOperators.LogicalOr, CelOperators.LogicalNot, CelOperators.NotStrictlyFalse,
    };

    /// <summary>Reads a mapping expression: which claims it is made of.</summary>
    public static ClaimSource Source(CelExpr expr)
    {
        ArgumentNullException.ThrowIfNull(expr);
        if (AssertionReads.ClaimOf(expr) is { } claim)
        {
            return new ClaimSource.Direct(claim);
        }

        switch (expr)
        {
            case CelCall { Function: "string", Target: null, Args: [var only] } when AssertionReads.ClaimOf(only) is { } c:
                return new ClaimSource.Direct(c);
            case CelCall { Function: "extract", Target: { } target, Args: [CelConst template] } when AssertionReads.ClaimOf(target) is { } c
                && template.Value.TryGetString(out var t) && t.IndexOf('{', StringComparison.Ordinal) is var open and >= 0
                && t.IndexOf('}', open) is var close and > 0:
                return new ClaimSource.Extract(c, t[..open], t[(close + 1)..]);
        }

        var parts = new List<(string, bool)>();
        return Flatten(expr, parts) ? new ClaimSource.Concat(parts) : new ClaimSource.Opaque($"offset {expr.Offset}");
    }

    public void Harvest(CelExpr condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        foreach (var claim in AssertionReads.In(condition))
        {
            into.Read(claim);
        }

        var stack = new Stack<(CelExpr Node, Polarity Polarity)>();
        stack.Push((condition, Polarity.Positive));
        while (stack.Count > 0)
        {
            var (node, polarity) = stack.Pop();
            switch (node)
            {
                case CelConst:
                    continue;
                case CelCall call when Connectives.Contains(call.Function):
                    var inner = call.Function == CelOperators.LogicalNot ? Flip(polarity) : polarity;
                    foreach (var arg in call.Args)
                    {
                        stack.Push((arg, inner));
                    }

                    continue;
                case CelSelect { TestOnly: true } select when AssertionReads.ClaimOf(select with { TestOnly = false }) is not null:
                    continue; // has(assertion.x): presence is a class the search covers (claims absent or present).
            }

            if (!TryAtom(node, polarity))
            {
                into.NotInFragment(Describe(node));
                foreach (var child in CelTree.Children(node))
                {
                    stack.Push((child, Polarity.Unknown));
                }
            }
        }
    }

    /// <summary>Atoms for "the mapped value of <paramref name="target"/> equals <paramref name="value"/>" (IAM members).</summary>
    public void MappedEquals(string target, string value)
    {
        if (mapping.TryGetValue(target, out var source))
        {
            Add(source, AtomKind.Equals, value, target, Polarity.Positive);
        }
        else
        {
            into.NotInFragment($"{target} is not mapped");
        }
    }

    private bool TryAtom(CelExpr node, Polarity polarity)
    {
        switch (node)
        {
            case CelCall { Function: CelOperators.Equal or CelOperators.NotEqual, Args: [var a, var b] } equality:
                var (operand, literal) = b is CelConst ? (a, b as CelConst) : (b, a as CelConst);
                if (literal is not null && literal.Value.TryGetString(out var text) && Resolve(operand) is { } source)
                {
                    Add(source, AtomKind.Equals, text, $"the expression at offset {operand.Offset}",
                        equality.Function == CelOperators.NotEqual ? Flip(polarity) : polarity);
                    return true;
                }

                return false;
            case CelCall { Function: CelOperators.In, Args: [var element, CelList list] } when Resolve(element) is { } inSource:
                foreach (var item in list.Elements)
                {
                    if (item is not CelConst c || !c.Value.TryGetString(out var s))
                    {
                        return false;
                    }

                    Add(inSource, AtomKind.Equals, s, $"the expression at offset {element.Offset}", polarity);
                }

                return true;
            case CelCall { Function: CelOperators.In, Args: [CelConst group, CelSelect { Operand: CelIdent { Name: "google" }, Field: "groups" }] }
                when group.Value.TryGetString(out var g):
                MappedEquals("google.groups", g);
                into.NotInFragment($"google.groups membership '{g}'");
                return true;
            case CelCall { Function: "startsWith" or "endsWith" or "contains" or "matches", Target: { } target, Args: [CelConst arg] }
                when arg.Value.TryGetString(out var pattern) && Resolve(target) is { } callSource:
                var kind = node is CelCall { Function: "startsWith" } ? AtomKind.Prefix
                    : node is CelCall { Function: "endsWith" } ? AtomKind.Suffix
                    : node is CelCall { Function: "contains" } ? AtomKind.Contains : AtomKind.Regex;
                if (kind == AtomKind.Regex && !RegexExamples.IsSimple(pattern))
                {
                    into.NotInFragment($"the regular expression '{pattern}' is not one of the simple shapes the search instantiates");
                }

                Add(callSource, kind, pattern, $"the expression at offset {target.Offset}", polarity);

                // ^literal$ pins exactly one value, as == does.
                if (kind == AtomKind.Regex && RegexExamples.ExactLiteral(pattern) is { } exact)
                {
                    Add(callSource, AtomKind.Equals, exact, $"the expression at offset {target.Offset}", polarity);
                }

                return true;
            default:
                return false;
        }
    }

    private void Add(ClaimSource source, AtomKind kind, string literal, string where, Polarity polarity)
    {
        switch (source)
        {
            case ClaimSource.Direct direct:
                Emit(new ClaimAtom(direct.Claim, kind, literal), polarity);
                return;
            case ClaimSource.Extract extract:
                // extract('before{x}after') == L holds when the claim holds before + L + after (first occurrence).
                var needle = kind switch
                {
                    AtomKind.Equals => extract.Before + literal + extract.After,
                    AtomKind.Prefix => extract.Before + literal,
                    AtomKind.Suffix => literal + extract.After,
                    _ => extract.Before,
                };
                Emit(new ClaimAtom(extract.Claim, AtomKind.Contains, needle), Polarity.Unknown);
                if (kind is not (AtomKind.Equals or AtomKind.Prefix))
                {
                    into.NotInFragment($"{kind} on an extract() of {extract.Claim}");
                }

                return;
            case ClaimSource.Concat concat when kind == AtomKind.Equals && SplitConcat(concat, literal) is { } values:
                foreach (var (claim, value) in values)
                {
                    Emit(new ClaimAtom(claim, AtomKind.Equals, value), polarity);
                }

                return;
            default:
                into.NotInFragment($"a comparison on {where}, which is not a single claim");
                return;
        }
    }

    private void Emit(ClaimAtom atom, Polarity polarity)
    {
        into.Add(atom);
        if (polarity == Polarity.Positive)
        {
            into.Pin(atom);
        }

        if (atom.Claim == Claims.GitLabClaimNames.Subject)
        {
            SubPatterns.Decompose(atom, into, polarity == Polarity.Positive);
        }
        else if (atom.Claim == Claims.GitLabClaimNames.RefPath && atom.Kind == AtomKind.Equals)
        {
            // refs/heads/main pins ref_type branch and ref main.
            foreach (var (prefix, type) in new[] { ("refs/heads/", "branch"), ("refs/tags/", "tag") })
            {
                if (atom.Literal.StartsWith(prefix, StringComparison.Ordinal))
                {
                    into.Add(new ClaimAtom(Claims.GitLabClaimNames.Ref, AtomKind.Equals, atom.Literal[prefix.Length..]));
                    into.Add(new ClaimAtom(Claims.GitLabClaimNames.RefType, AtomKind.Equals, type));
                }
            }
        }
    }

    /// <summary>Splits a literal along a concatenation's literal separators; null when it does not fit.</summary>
    private static List<(string Claim, string Value)>? SplitConcat(ClaimSource.Concat concat, string literal)
    {
        var result = new List<(string, string)>();
        var position = 0;
        for (var i = 0; i < concat.Parts.Count; i++)
        {
            var (text, isClaim) = concat.Parts[i];
            if (!isClaim)
            {
                if (string.CompareOrdinal(literal, position, text, 0, text.Length) != 0)
                {
                    return null;
                }

                position += text.Length;
                continue;
            }

            var next = i + 1 < concat.Parts.Count && !concat.Parts[i + 1].IsClaim ? concat.Parts[i + 1].Text : null;
            var end = next is null ? literal.Length : literal.IndexOf(next, position, StringComparison.Ordinal);
            if (end < 0 || (next is null && i + 1 < concat.Parts.Count))
            {
                return null;
            }

            result.Add((text, literal[position..end]));
            position = end;
        }

        return position == literal.Length ? result : null;
    }

    private ClaimSource? Resolve(CelExpr expr)
    {
        if (AssertionReads.ClaimOf(expr) is { } claim)
        {
            return new ClaimSource.Direct(claim);
        }

        var target = expr switch
        {
            CelSelect { Operand: CelIdent { Name: "attribute" }, Field: var f, TestOnly: false } => "attribute." + f,
            CelSelect { Operand: CelIdent { Name: "google" }, Field: "subject", TestOnly: false } => "google.subject",
            _ => null,
        };
        if (target is null)
        {
            return expr is CelCall { Function: "extract" } ? Source(expr) : null;
        }

        return mapping.TryGetValue(target, out var source) ? source : new ClaimSource.Opaque(target);
    }

    /// <summary>Reads a concatenation (`a + ':' + b`) into its parts, claims marked true and literals false; false for anything else.</summary>
    private static bool Flatten(CelExpr expr, List<(string, bool)> parts)
    {
        var stack = new Stack<CelExpr>();
        stack.Push(expr);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is CelCall { Function: CelOperators.Add, Args: [var left, var right] })
            {
                stack.Push(right);
                stack.Push(left);
            }
            else if (AssertionReads.ClaimOf(node) is { } claim)
            {
                parts.Add((claim, true));
            }
            else if (node is CelConst c && c.Value.TryGetString(out var s))
            {
                parts.Add((s, false));
            }
            else
            {
                return false;
            }
        }

        return parts.Any(p => p.Item2);
    }

    private static Polarity Flip(Polarity polarity) => polarity switch
    {
        Polarity.Positive => Polarity.Negative,
        Polarity.Negative => Polarity.Positive,
        _ => Polarity.Unknown,
    };

    private static string Describe(CelExpr node) => node switch
    {
        CelCall call => $"'{call.Function}' at offset {call.Offset}",
        CelComprehension c => $"the macro {c.Macro} at offset {c.Offset}",
        _ => $"the expression at offset {node.Offset}",
    };
}
