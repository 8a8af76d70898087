using System.Security.Cryptography;
using Keyless.Scan.Detectors;

namespace Keyless.Scan.Tests.Detectors;

public sealed class SecretMatchTests
{
    [Fact]
    public void Should_Leave_The_Secret_Out_Of_Its_Text_Form()
    {
        var secret = "glpat-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(10));
        var match = new SecretMatch(3, secret.Length, secret, "a GitLab personal access token", Detail: "prefix glpat-");

        var text = match.ToString();

        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Contains("a GitLab personal access token", text, StringComparison.Ordinal);
    }
}
