using System.Text;
using Keyless.Formats.Inputs.Tokens;
using Keyless.Trust.Diagnostics;

namespace Keyless.Formats.Tests.Inputs;

public sealed class JwtPartsTests
{
    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static readonly string Header = B64("""{"alg":"RS256","kid":"k"}""");

    // The payload's base64url has '-' or '_' where plain base64 has '+' or '/' ("?>?~" makes sure).
    private static readonly string Payload = B64("""{"sub":"a?>?~"}""");

    [Fact]
    public void Should_Decode_A_Compact_Token_And_Trim_A_Trailing_Line_Break()
    {
        var jwt = JwtParts.Decode($"{Header}.{Payload}.c2ln\n", "$ID_TOKEN");

        Assert.Equal("a?>?~", jwt.Claims["sub"]!.GetValue<string>());
        Assert.Equal($"{Header}.{Payload}.c2ln", jwt.Compact);
    }

    [Theory]
    [InlineData("plain base64 alphabet")]
    [InlineData("padding")]
    [InlineData("a line break inside")]
    public void Should_Refuse_What_Is_Not_Strict_Base64url_As_The_Clouds_Do(string what)
    {
        var payload = what switch
        {
            "plain base64 alphabet" => Payload.Replace('-', '+').Replace('_', '/'),
            "padding" => Payload + "=",
            _ => Payload.Insert(4, "\n"),
        };

        var error = Assert.Throws<InputException>(() => JwtParts.Decode($"{Header}.{payload}.c2ln", "$ID_TOKEN"));

        Assert.Equal("$ID_TOKEN", error.File);
        Assert.Equal("not a JWT: the payload is not base64url", error.Message);
    }

    [Fact]
    public void Should_Refuse_A_Payload_That_Is_Not_UTF8_Or_Not_Json_Naming_The_Segment()
    {
        var notUtf8 = Convert.ToBase64String([.. "{\"sub\":\""u8, 0xC3, 0x28, .. "\"}"u8]).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var utf8 = Assert.Throws<InputException>(() => JwtParts.Decode($"{Header}.{notUtf8}.c2ln", "$ID_TOKEN"));
        var json = Assert.Throws<InputException>(() => JwtParts.Decode($"{B64("{\"a\":1,\"a\":2}")}.{Payload}.c2ln", "$ID_TOKEN"));

        Assert.Equal("not a JWT: the payload is not UTF-8", utf8.Message);
        Assert.StartsWith("not a JWT: the header is not JSON (not valid JSON:", json.Message, StringComparison.Ordinal);
        Assert.Equal("$ID_TOKEN", json.File);
    }

    [Fact]
    public void Should_Not_Print_The_Token_Through_ToString()
    {
        var jwt = JwtParts.Decode($"{Header}.{Payload}.c2ln", "$ID_TOKEN");

        Assert.DoesNotContain("c2ln", jwt.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Payload, jwt.ToString(), StringComparison.Ordinal);
    }
}
