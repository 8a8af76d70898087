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
}
