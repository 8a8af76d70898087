using System.Text;
using System.Text.Json;
using Keyless.Formats.Inputs;

namespace Keyless.Formats.Tests.Inputs;

public sealed class StrictJsonTests
{
    public static TheoryData<string> Refused => new()
    {
        """{"a":1,"a":2}""",
        """{"sub":"x\uD800"}""",
        """{"x\uDC00":1}""",
        """["ok","\uD83D"]""",
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Should_Refuse_What_Two_Readers_Could_See_Differently_With_A_JsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => StrictJson.Parse(json, 16));
        Assert.ThrowsAny<JsonException>(() => StrictJson.Parse(Encoding.UTF8.GetBytes(json), 16));
        Assert.ThrowsAny<JsonException>(() => StrictJson.ParseDocument(json, 16).Dispose());
    }

    [Fact]
    public void Should_Refuse_Bytes_That_Are_Not_UTF8()
    {
        byte[] utf8 = [.. "{\"sub\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.ThrowsAny<JsonException>(() => StrictJson.Parse(utf8, 16));
    }

    [Fact]
    public void Should_Read_Escaped_Pairs_And_Escaped_Names_As_Their_Text()
    {
        const string Json = """{"project\u005fpath":"acme/\uD83D\uDE80","n":[1,{"k":"\u0041"}]}""";

        Assert.Equal("acme/\U0001F680", StrictJson.Parse(Json, 16)!["project_path"]!.GetValue<string>());
        Assert.Equal("A", StrictJson.Parse(Encoding.UTF8.GetBytes(Json), 16)!["n"]![1]!["k"]!.GetValue<string>());
        using var document = StrictJson.ParseDocument(Json, 16);
        Assert.Equal("acme/\U0001F680", document.RootElement.GetProperty("project_path").GetString());
    }

    [Fact]
    public void Should_Keep_The_Depth_Limit()
    {
        var deep = new string('[', 20) + new string(']', 20);

        Assert.ThrowsAny<JsonException>(() => StrictJson.Parse(deep, 16));
        Assert.NotNull(StrictJson.Parse(deep, 32));
    }
}
