using Keyless.Emulator.Http;

namespace Keyless.Emulator.Tests.Http;

public sealed class FormBodyTests
{
    [Fact]
    public void Should_Read_Form_Fields_Decoding_Percent_Escapes_And_Plus()
    {
        var (fields, error) = FormBody.Parse(
            "application/x-www-form-urlencoded; charset=utf-8",
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&scope=a+b%2Bc&subject_token=eyJ.eyJ.sig");

        Assert.Null(error);
        Assert.Equal("urn:ietf:params:oauth:grant-type:token-exchange", fields!["grant_type"]);
        Assert.Equal("a b+c", fields["scope"]);
        Assert.Equal("eyJ.eyJ.sig", fields["subject_token"]);
    }

    [Theory]
    [InlineData("a=1&&b=2&", 2)]
    [InlineData("", 0)]
    [InlineData("flag&x=", 2)]
    public void Should_Skip_Empty_Pairs_And_Keep_Names_Without_Values(string body, int count)
    {
        var (fields, error) = FormBody.ParseForm(body);

        Assert.Null(error);
        Assert.Equal(count, fields!.Count);
        Assert.All(fields.Values, v => Assert.NotNull(v));
    }

    [Theory]
    [InlineData("scope=a&scope=b")]
    [InlineData("scope=a&sc%6Fpe=b")]
    public void Should_Refuse_A_Name_Given_Twice_Even_When_Spelled_Differently(string body)
    {
        var (fields, error) = FormBody.ParseForm(body);

        Assert.Null(fields);
        Assert.Equal("the parameter 'scope' is given more than once", error);
    }

    [Fact]
    public void Should_Read_A_Json_Body_When_The_Client_Says_Json()
    {
        var (fields, error) = FormBody.Parse("application/json", "{\"grantType\":\"g\",\"options\":{\"a\":1}}");

        Assert.Null(error);
        Assert.Equal("g", fields!["grantType"]);
        Assert.Equal("{\"a\":1}", fields["options"]);
    }
}
