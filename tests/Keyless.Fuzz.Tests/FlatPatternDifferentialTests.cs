using CsCheck;
using Keyless.Cel.Library;

namespace Keyless.Fuzz.Tests;

/// <summary>
/// The possessive matcher for flat anchored patterns (<see cref="FlatPattern"/>) against the linear regex that
/// runs every other pattern: on generated flat patterns, whenever the fast path takes a pattern, both must give
/// the same answer on every input. Inputs are built from the pattern's own atoms (so many match), then mutated
/// with characters around the edges: a trailing newline, non-ASCII letters, a surrogate pair.
/// </summary>
public sealed class FlatPatternDifferentialTests
{
    private static readonly string[] Noise = ["a", "b", "0", ".", "-", "/", ":", "_", "Z", " ", "\n", "é", "😀", "\uD800"];

    /// <summary>Atoms with overlapping sets, so that both taken and rejected patterns are common.</summary>
    private static readonly (string Text, string Samples)[] Atoms =
    [
        ("a", "a"), ("b", "b"), ("0", "0"), ("1", "1"), ("/", "/"), ("-", "-"), (":", ":"), ("_", "_"),
        (@"\.", "."), (@"\-", "-"), (@"\/", "/"), (@"\d", "019"), (@"\w", "aZ_9"), ("[a-c]", "abc"), ("[0-9]", "05"),
        ("[ab]", "ab"), (@"[\d.]", "3."), ("[-a]", "-a"), ("[a-]", "a-"), (@"[\w-]", "b-_"), ("[.:/]", ".:/"), ("[A-Z_]", "Q_"),
    ];

    /// <summary>The quantifier, its minimum, and the most repetitions an input is built with.</summary>
    private static readonly (string Text, int Min, int Most)[] Quantifiers =
    [
        ("", 1, 1), ("*", 0, 3), ("+", 1, 3), ("?", 0, 1), ("{0}", 0, 0), ("{1}", 1, 1), ("{2}", 2, 2), ("{0,2}", 0, 2),
        ("{1,}", 1, 3), ("{2,3}", 2, 3),
    ];

    private static readonly Gen<(int Atom, int Quantifier)[]> Pieces =
        Gen.Select(Gen.Int[0, Atoms.Length - 1], Gen.Int[0, Quantifiers.Length - 1]).Array[0, 5];

    private static readonly Gen<int[][]> Recipes = Gen.Int[0, 9999].Array[2, 16].Array[8, 8];

    [Fact]
    public void Generated_flat_patterns_match_as_the_regex_does()
    {
        var counts = new Counts();
        Gen.Select(Pieces, Gen.Bool, Recipes).Sample(
            (pieces, toEnd, recipes) =>
            {
                var pattern = "^" + string.Concat(pieces.Select(p => Atoms[p.Atom].Text + Quantifiers[p.Quantifier].Text)) + (toEnd ? "$" : "");
                Compare(pattern, recipes.Select(r => Input(pieces, r)), counts);
            },
            iter: FuzzBudget.Iterations * 20, seed: FuzzBudget.Seed, threads: 1);

        // Not vacuous: the fast path took many patterns, and the inputs both matched and failed to.
        Assert.True(counts.Taken > FuzzBudget.Iterations * 4, $"only {counts.Taken} patterns taken, {counts.Left} left");
        Assert.True(counts.Left > 0, "no pattern was left to the regex");
        Assert.True(counts.Matched > FuzzBudget.Iterations * 10, $"only {counts.Matched} inputs matched");
        Assert.True(counts.Unmatched > FuzzBudget.Iterations * 10, $"only {counts.Unmatched} inputs failed to match");
    }

    [Fact]
    public void Arbitrary_pattern_text_is_taken_only_when_it_matches_as_the_regex_does()
    {
        var counts = new Counts();
        Gen.Select(Gen.Char["^$ab-.\\d[]{}*+?,0123w|()"].Array[0, 10], Recipes).Sample(
            (chars, recipes) => Compare("^" + new string(chars), recipes.Select(r => string.Concat(r.Select(i => Noise[i % Noise.Length]))), counts),
            iter: FuzzBudget.Iterations * 8, seed: FuzzBudget.Seed, threads: 1);

        Assert.True(counts.Taken > 0, "no pattern was taken");
    }

    private static void Compare(string pattern, IEnumerable<string> inputs, Counts counts)
    {
        if (FlatPattern.TryParse(pattern) is not { } flat)
        {
            counts.Left++;
            return;
        }

        counts.Taken++;
        var regex = Re2.Compile(pattern).Regex;
        Assert.True(regex is not null, $"the fast path took '{pattern}', which RE2 rejects");
        foreach (var input in inputs)
        {
            var expected = regex.IsMatch(input);
            Assert.True(expected == flat.IsMatch(input), $"'{pattern}' on \"{input.ReplaceLineEndings("\\n")}\": the regex says {expected}");
            _ = expected ? counts.Matched++ : counts.Unmatched++;
        }
    }

    /// <summary>An input read off the pattern by a recipe of numbers: each atom repeated and sampled, then maybe mutated.</summary>
    private static string Input((int Atom, int Quantifier)[] pieces, int[] recipe)
    {
        var at = 0;
        int Next() => recipe[at++ % recipe.Length];

        var text = new System.Text.StringBuilder();
        foreach (var (atom, quantifier) in pieces)
        {
            var (_, min, most) = Quantifiers[quantifier];
            var samples = Atoms[atom].Samples;
            for (var n = min + (Next() % (most - min + 1)); n > 0; n--)
            {
                text.Append(samples[Next() % samples.Length]);
            }
        }

        var noise = Noise[Next() % Noise.Length];
        switch (recipe[0] % 8)
        {
            case 3:
                text.Insert(recipe[1] % (text.Length + 1), noise);
                break;
            case 4 when text.Length > 0:
                text.Remove(recipe[1] % text.Length, 1);
                break;
            case 5:
                text.Append('\n');
                break;
            case 6:
                text.Append(noise);
                break;
        }

        return text.ToString();
    }

    private sealed class Counts
    {
        public long Taken { get; set; }

        public long Left { get; set; }

        public long Matched { get; set; }

        public long Unmatched { get; set; }
    }
}
