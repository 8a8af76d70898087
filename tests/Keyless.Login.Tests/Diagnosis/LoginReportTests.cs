using Keyless.Login.Diagnosis;

namespace Keyless.Login.Tests.Diagnosis;

public sealed class LoginReportTests
{
    private const string Token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwcm9qZWN0X3BhdGg6YWNtZS9wYXltZW50cyJ9.c2lnbmF0dXJlLXRoYXQtaXMtbG9uZy1lbm91Z2gtdG8tbWF0dGVy";

    [Fact]
    public void Should_Redact_The_Token_And_Its_Signature_Wherever_A_Server_Echoes_Them()
    {
        var result = new LoginResult
        {
            Notes = [LoginNote.Warning("echo " + Token)],
            Failure = new LoginFailure("refused", "invalid_grant: bad token " + Token, ["the signature " + Token.Split('.')[2] + " is wrong"], []),
        };
        var output = new StringWriter();

        LoginReport.Write(output, result, [Token]);

        Assert.DoesNotContain(Token.Split('.')[2], output.ToString(), StringComparison.Ordinal);
        Assert.Contains("cloud: invalid_grant: bad token [redacted]", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Leave_Out_Info_Notes_When_Quiet()
    {
        var result = new LoginResult { Notes = [LoginNote.Info("fyi"), LoginNote.Warning("careful")] };
        var output = new StringWriter();

        LoginReport.Write(output, result, [], verbose: false);

        Assert.Equal("warning: careful" + Environment.NewLine, output.ToString());
    }
}
