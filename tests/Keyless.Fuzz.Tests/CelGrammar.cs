using CsCheck;

namespace Keyless.Fuzz.Tests;

/// <summary>
/// Grammar-based CEL: well-formed (and nearly well-formed) expressions over the roots a GCP condition and an Entra
/// flexible expression use, with every literal form, operator, macro and the string and regex functions.
/// Built bottom-up to a fixed depth so the generator itself is finite.
/// </summary>
internal static class CelGrammar
{
    private static readonly string[] Fields =
    [
        "sub", "project_path", "namespace_path", "ref", "ref_type", "ref_protected", "environment", "runner_id",
        "aud", "iat", "groups", "missing", "user_login",
    ];

    private static readonly string[] BinaryOperators = ["&&", "||", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "in"];

    private static readonly string[] Regexes =
    [
        "^main$", "^(a|aa)+$", "(a+)+b", "[", "(?i)MAIN", "\\d{1,3}", "^refs/heads/(main|release/.*)$", "\\p{L}+", "(?P<x>a)",
        "a{1000}", "\\", ".*.*.*.*=.*",
    ];

    private static Gen<string> Leaf { get; } = Gen.OneOf<string>(
        Gen.Int[0, Fields.Length - 1].Select(i => "assertion." + Fields[i]),
        Gen.Int[0, Fields.Length - 1].Select(i => $"assertion['{Fields[i]}']"),
        Gen.OneOf<string>("google.subject", "attribute.project", "assertion", "claims.sub", "x"),
        Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf<string>("0u", "18446744073709551615u", "18446744073709551616u", "9223372036854775808", "-9223372036854775808",
            "1.5", "1e309", ".5", "0x1F", "true", "false", "null", "b'\\xff'", "r'\\d'", "'''a\nb'''", "'\\u00e9'", "'\\z'",
            "\"main\"", "'4242'", "[]", "{}", "dyn(1)", "type(1)", "int", "duration('1h')", "timestamp('2026-01-01T00:00:00Z')"));

    // Declared after Leaf: static initializers run in text order.
    public static Gen<string> Expression { get; } = Build(4);

    private static Gen<string> Build(int depth)
    {
        if (depth == 0)
        {
            return Leaf;
        }

        var sub = Build(depth - 1);
        return Gen.Frequency(
            (3, Leaf),
            (4, Gen.Select(sub, Gen.Int[0, BinaryOperators.Length - 1], sub, (a, op, b) => $"{a} {BinaryOperators[op]} {b}")),
            (1, sub.Select(a => $"!{a}")),
            (1, sub.Select(a => $"-{a}")),
            (1, sub.Select(a => $"({a})")),
            (1, Gen.Select(sub, sub, sub, (c, a, b) => $"{c} ? {a} : {b}")),
            (1, sub.Array[0, 3].Select(items => "[" + string.Join(", ", items) + "]")),
            (1, Gen.Select(sub, sub).Array[0, 3].Select(pairs => "{" + string.Join(", ", pairs.Select(p => $"{p.Item1}: {p.Item2}")) + "}")),
            (1, Gen.Int[0, Fields.Length - 1].Select(i => $"has(assertion.{Fields[i]})")),
            (1, Gen.Select(sub, Gen.OneOf<string>("all", "exists", "exists_one", "map", "filter"), sub,
                (range, macro, body) => $"{range}.{macro}(x, {body})")),
            (1, Gen.Select(sub, Gen.OneOf<string>("startsWith", "endsWith", "contains", "extract", "split", "lowerAscii"), sub,
                (target, fn, arg) => $"{target}.{fn}({arg})")),
            (1, Gen.Select(sub, Gen.Int[0, Regexes.Length - 1], (target, r) => $"{target}.matches('{Regexes[r].Replace("\\", "\\\\", StringComparison.Ordinal)}')")),
            (1, Gen.Select(Gen.OneOf<string>("size", "string", "int", "uint", "double", "bool", "bytes", "type", "dyn", "matches"), sub,
                (fn, arg) => $"{fn}({arg})")),
            (1, Gen.Select(sub, sub, (a, i) => $"{a}[{i}]")));
    }
}
