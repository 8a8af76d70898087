using System.Text;
using CsCheck;

namespace Keyless.Fuzz.Tests;

/// <summary>Generators of mutated real inputs: one seed from the fixtures, then one to four structured changes.</summary>
internal static class Mutations
{
    private static readonly Gen<int> Position = Gen.Int[0, int.MaxValue];

    private static readonly string[] Syntax =
    [
        "{", "}", "[", "]", "(", ")", "\"", "'", ":", ",", ".", "\\", "\\u", "\n", "\t", "- ", "? ", "&a ", "*a", "<<: *a",
        "!reference [", "!!binary ", "---\n", "...\n", "#", "|", ">", "%YAML 1.1\n", "null", "true", "1e999", "-0",
        "0x", "==", "&&", "||", "!", "?", "in", "size(", ".matches(", "\u0000", "\uFEFF", "\uD800", "\uDFFF",
    ];

    private static readonly Gen<string> UnicodeRun =
        Gen.Int[0, 0xFFFF].Array[1, 12].Select(codes => new string(codes.Select(c => (char)c).ToArray()));

    private static readonly Gen<string> InsertText = Gen.Frequency(
        (4, Gen.Int[0, Syntax.Length - 1].Select(i => Syntax[i])),
        (3, UnicodeRun),
        (1, Gen.Int[1_000, 200_000].Select(n => new string('a', n))),
        (1, Gen.Int[1_000, 50_000].Select(n => string.Concat(Enumerable.Repeat("é𝔘", n / 2)))));

    private static readonly Gen<Mutation> Text = Gen.Frequency(
        (3, Gen.Select(Position, Gen.Int[0, 7], (p, b) => (Mutation)new ByteFlip(p, b))),
        (2, Position.Select(p => (Mutation)new Truncate(p))),
        (3, Gen.Select(Position, InsertText, (p, t) => (Mutation)new Insert(p, t))),
        (1, Gen.Select(Position, Gen.Int[1, 64], (p, c) => (Mutation)new Delete(p, c))),
        (1, Gen.Select(Position, Gen.Int[1, 200], Gen.Int[2, 2_000], (p, l, t) => (Mutation)new RepeatSlice(p, l, t))),
        (1, Gen.Select(Position, Gen.Int[50, 5_000], Gen.Int[0, 4], (p, d, k) => (Mutation)Nest(p, d, k))));

    private static readonly Gen<Mutation> Json = Gen.Frequency(
        (4, Gen.Select(Position, Gen.Int[0, 1_000], (p, k) => (Mutation)new WrongType(p, k))),
        (2, Gen.Select(Position, Gen.Int[0, 1_000], (p, k) => (Mutation)new DuplicateKey(p, k))));

    /// <summary>Mutations of a JSON document: mostly well-formed with wrong meaning, some broken text.</summary>
    public static Gen<Mutation[]> ForJson { get; } = Gen.Frequency((3, Json), (2, Text)).Array[1, 4];

    /// <summary>Mutations of text (YAML, CEL, a compact JWT).</summary>
    public static Gen<Mutation[]> ForText { get; } = Text.Array[1, 4];

    /// <summary>One of <paramref name="seeds"/> with the mutations applied; the seed's index is kept for the report.</summary>
    public static Gen<(int Seed, Mutation[] Mutations)> Of(IReadOnlyList<string> seeds, Gen<Mutation[]> mutations) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], mutations, (s, m) => (s, m));

    /// <summary>
    /// Applies the mutations, each result re-read as UTF-8 bytes: files and standard input reach the readers through a
    /// decoder, so a lone surrogate half arrives as U+FFFD, exactly as a user's file would.
    /// </summary>
    public static string Apply(string seed, IEnumerable<Mutation> mutations) =>
        mutations.Aggregate(seed, (text, m) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(m.Apply(text))));

    private static DeepNest Nest(int position, int depth, int kind) => kind switch
    {
        0 => new DeepNest(position, depth, "[", "]"),
        1 => new DeepNest(position, depth, "{\"a\":", "}"),
        2 => new DeepNest(position, depth, "(", ")"),
        3 => new DeepNest(position, depth, "{a: ", "}"),
        _ => new DeepNest(position, depth, "- ", string.Empty),
    };
}
