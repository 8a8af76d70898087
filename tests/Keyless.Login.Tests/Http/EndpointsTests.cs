using Keyless.Login.Http;
using Keyless.Trust.Diagnostics;

namespace Keyless.Login.Tests.Http;

public sealed class EndpointsTests
{
    [Theory]
    [InlineData("https://sts.googleapis.com/v1/token")]
    [InlineData("http://127.0.0.1:8080/v1/token")]
    [InlineData("http://localhost:8080/v1/token")]
    [InlineData("http://[::1]:8080/v1/token")]
    public void Should_Accept_Https_And_Loopback_Http(string url) =>
        Assert.Equal(new Uri(url), Endpoints.Require(url, "--sts-url"));

    [Theory]
    [InlineData("http://sts.example.com/v1/token", "clear text")]
    [InlineData("ftp://example.com/", "not an http(s) URL")]
    [InlineData("sts.googleapis.com", "not an http(s) URL")]
    [InlineData("https://user:pass@sts.example.com/v1/token", "without user info")]
    public void Should_Refuse_Urls_That_Would_Leak_Or_Do_Not_Work(string url, string expected)
    {
        var error = Assert.Throws<InputException>(() => Endpoints.Require(url, "--sts-url"));

        Assert.Equal("--sts-url", error.File);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://user:hunter2-secret@sts.example.com/v1/token")]
    [InlineData("http://user:hunter2-secret@sts.example.com/v1/token")]
    [InlineData("https://sts.example.com/v1/token?key=hunter2-secret")]
    [InlineData("ftp://user:hunter2-secret@example.com/")]
    public void Should_Not_Echo_A_Password_Or_Query_It_Refuses(string url)
    {
        var error = Assert.Throws<InputException>(() => Endpoints.Require(url, "--sts-url"));

        Assert.DoesNotContain("hunter2-secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", error.Location, StringComparison.Ordinal);
    }
}
