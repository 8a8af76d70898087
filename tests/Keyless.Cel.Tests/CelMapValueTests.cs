using System.Text.Json;

namespace Keyless.Cel.Tests;

/// <summary>Maps keyed only by strings (claims) have their own index; lookups must keep CEL's key equality.</summary>
public sealed class CelMapValueTests
{
    [Fact]
    public void Should_Find_Every_Key_Of_A_Large_String_Keyed_Map()
    {
        var map = CelValue.Map(Enumerable.Range(0, 500).Select(i => new KeyValuePair<string, CelValue>("k" + i, CelValue.Of(i))));
        var activation = CelActivation.Empty.With("m", map);

        Assert.True(Cel.Compile("m.k0 == 0 && m.k257 == 257 && m['k499'] == 499 && !('k500' in m) && size(m) == 500")
            .Evaluate(activation).TryGetBool(out var b) && b);
    }

    [Theory]
    [InlineData("{'a': 1}[1]", "no such key: 1")]
    [InlineData("{'1': 1}[1]", "no such key: 1")]
    [InlineData("{}['a']", "no such key: \"a\"")]
    public void Should_Not_Find_A_Key_Of_Another_Kind(string source, string message) =>
        Assert.Equal(message, Cel.Eval(source).ErrorMessage);

    [Theory]
    [InlineData("1 in {'a': 1}", false)]
    [InlineData("'a' in {'a': 1}", true)]
    [InlineData("{'a': 1, 'b': 2} == {'b': 2, 'a': 1}", true)]
    [InlineData("{'a': 1} == {1: 'a'}", false)]
    [InlineData("{1: 'a', 'b': 2}[1.0] == 'a' && {1: 'a', 'b': 2}['b'] == 2", true)]
    public void Should_Keep_Cel_Key_Equality(string source, bool expected) => Assert.Equal(expected, Cel.Bool(source));

    [Fact]
    public void Should_Keep_The_Last_Value_Of_A_Repeated_Json_Key()
    {
        using var document = JsonDocument.Parse("""{"ref":"dev","ref":"main"}""");

        var activation = CelActivation.Empty.With("assertion", CelValue.FromJson(document.RootElement));

        Assert.True(Cel.Compile("assertion.ref == 'main'").Evaluate(activation).TryGetBool(out var b) && b);
    }

    [Fact]
    public void Should_Read_Maps_That_Share_A_Key_Layout_Each_With_Its_Own_Values()
    {
        // 40 keys: more than one probe sequence collides in the shared index.
        var keys = Enumerable.Range(0, 40).Select(i => CelValue.Of("claim_" + i)).ToArray();
        var layout = new CelKeyLayout(keys);
        var first = CelValue.FromLayout(layout, [.. keys.Select((k, i) => new KeyValuePair<CelValue, CelValue>(k, CelValue.Of("one-" + i)))]);
        var second = CelValue.FromLayout(layout, [.. keys.Select((k, i) => new KeyValuePair<CelValue, CelValue>(k, CelValue.Of(i)))]);
        var activation = CelActivation.Empty.With("a", first).With("b", second);

        Assert.True(Cel.Compile("a.claim_0 == 'one-0' && a.claim_39 == 'one-39' && b.claim_17 == 17 && !('claim_40' in a) && !has(b.other) && size(a) == 40")
            .Evaluate(activation).TryGetBool(out var b) && b);
        Assert.Equal(
            CelValue.FromJson(JsonDocument.Parse(first.ToJson()!.ToJsonString()).RootElement).ToJson()!.ToJsonString(),
            first.ToJson()!.ToJsonString());
    }

    [Fact]
    public void Should_Refuse_Entries_That_Are_Not_The_Layouts_Keys()
    {
        var keys = new[] { CelValue.Of("a"), CelValue.Of("b") };
        var layout = new CelKeyLayout(keys);

        // Equal strings but other instances, another order, another count: the shared index would read them wrong.
        Assert.Throws<ArgumentException>(() => CelValue.FromLayout(layout, [new(CelValue.Of("a"), CelValue.Null), new(keys[1], CelValue.Null)]));
        Assert.Throws<ArgumentException>(() => CelValue.FromLayout(layout, [new(keys[1], CelValue.Null), new(keys[0], CelValue.Null)]));
        Assert.Throws<ArgumentException>(() => CelValue.FromLayout(layout, [new(keys[0], CelValue.Null)]));
        Assert.Throws<ArgumentException>(() => new CelKeyLayout([CelValue.Of("a"), CelValue.Of("a")]));
        Assert.Throws<ArgumentException>(() => new CelKeyLayout([CelValue.Of(1)]));
    }
}
