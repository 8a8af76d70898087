using System.Security.Cryptography;
using System.Xml.Linq;
using Keyless.Emulator.Http;

namespace Keyless.Emulator.Tests.Aws;

/// <summary>STS AssumeRoleWithWebIdentity at the root: the XML answer, and each refusal as STS words it.</summary>
public sealed class AwsStsEndpointTests
{
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    private static async Task<(int Status, XElement Body, EmulatorResponse Raw)> AssumeAsync(CoreHarness h, string token, string roleArn = TestTrust.AwsRoleArn, string? duration = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Action"] = "AssumeRoleWithWebIdentity",
            ["Version"] = "2011-06-15",
            ["RoleArn"] = roleArn,
            ["RoleSessionName"] = "gitlab-job-50012",
            ["WebIdentityToken"] = token,
        };
        if (duration is not null)
        {
            fields["DurationSeconds"] = duration;
        }

        var response = await h.Core.HandleAsync(new EmulatorRequest
        {
            Method = "POST",
            Path = "/",
            Body = string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")),
            ContentType = "application/x-www-form-urlencoded; charset=utf-8",
            BaseUrl = CoreHarness.BaseUrl,
            FromLoopback = true,
        });
        return (response.Status, XElement.Parse(response.Body), response);
    }

    private static (string Code, string Message) Error(XElement body)
    {
        Assert.Equal(Sts + "ErrorResponse", body.Name);
        var error = body.Element(Sts + "Error")!;
        Assert.Equal("Sender", error.Element(Sts + "Type")!.Value);
        Assert.NotEmpty(body.Element(Sts + "RequestId")!.Value);
        return (error.Element(Sts + "Code")!.Value, error.Element(Sts + "Message")!.Value);
    }

    [Fact]
    public async Task Should_Answer_With_Credentials_In_Sts_Xml_For_The_Trusted_Branch()
    {
        using var h = new CoreHarness(TestTrust.CreateWithAws());
        var token = await h.MintAsync(TestClaims.MainBranch(TestTrust.AwsAudience));

        var (status, body, raw) = await AssumeAsync(h, token, duration: "900");

        Assert.Equal(200, status);
        Assert.Equal("text/xml", raw.Headers["Content-Type"]);
        var result = body.Element(Sts + "AssumeRoleWithWebIdentityResult")!;
        var credentials = result.Element(Sts + "Credentials")!;
        Assert.StartsWith("ASIA", credentials.Element(Sts + "AccessKeyId")!.Value, StringComparison.Ordinal);
        Assert.Equal("2026-03-01T12:15:00Z", credentials.Element(Sts + "Expiration")!.Value);
        Assert.Equal(TestTrust.MainSubject, result.Element(Sts + "SubjectFromWebIdentityToken")!.Value);
        Assert.Equal($"arn:aws:sts::{TestTrust.AwsAccount}:assumed-role/gitlab-deploy/gitlab-job-50012",
            result.Element(Sts + "AssumedRoleUser")!.Element(Sts + "Arn")!.Value);
        Assert.Equal("https://gitlab.com", result.Element(Sts + "Provider")!.Value);
        Assert.Equal(TestTrust.AwsAudience, result.Element(Sts + "Audience")!.Value);
        Assert.NotEmpty(body.Element(Sts + "ResponseMetadata")!.Element(Sts + "RequestId")!.Value);
        Assert.DoesNotContain(token, h.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.Element(Sts + "SecretAccessKey")!.Value, h.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_A_Wrong_Audience_With_Incorrect_Token_Audience()
    {
        using var h = new CoreHarness(TestTrust.CreateWithAws());
        var (status, body, _) = await AssumeAsync(h, await h.MintAsync(TestClaims.MainBranch("api://AzureADTokenExchange")));

        Assert.Equal(400, status);
        Assert.Equal(("InvalidIdentityToken", "Incorrect token audience"), Error(body));
    }

    [Fact]
    public async Task Should_Refuse_Another_Branch_With_Access_Denied()
    {
        using var h = new CoreHarness(TestTrust.CreateWithAws());
        var claims = TestClaims.MainBranch(TestTrust.AwsAudience).With("ref", "feature").With("ref_path", "refs/heads/feature");
        var (status, body, _) = await AssumeAsync(h, await h.MintAsync(claims));

        Assert.Equal(403, status);
        Assert.Equal(("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity"), Error(body));
        Assert.Contains("claim sub is 'project_path:acme/payments:ref_type:branch:ref:feature'", h.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_An_Expired_Token_With_Sts_Own_Message()
    {
        using var h = new CoreHarness(TestTrust.CreateWithAws());
        var token = await h.MintAsync(TestClaims.MainBranch(TestTrust.AwsAudience));
        var exp = Forge.Claims(token)["exp"]!.GetValue<long>();
        h.Time.Advance(TimeSpan.FromHours(3));

        var (status, body, _) = await AssumeAsync(h, token);

        Assert.Equal(400, status);
        Assert.Equal(("ExpiredTokenException", $"Token expired: current date/time {h.Time.GetUtcNow().ToUnixTimeSeconds()} must be before the expiration date/time {exp}"), Error(body));
    }

    [Fact]
    public async Task Should_Refuse_A_Token_Signed_By_Another_Key()
    {
        using var h = new CoreHarness(TestTrust.CreateWithAws());
        var genuine = await h.MintAsync(TestClaims.MainBranch(TestTrust.AwsAudience));
        using var attacker = RSA.Create(2048);
        var forged = Forge.Rs256(attacker, Forge.Header(genuine)["kid"]!.GetValue<string>(), Forge.Claims(genuine));

        var (status, body, _) = await AssumeAsync(h, forged);

        Assert.Equal(400, status);
        Assert.Equal("InvalidIdentityToken", Error(body).Code);
    }

    [Fact]
    public async Task Should_Refuse_An_Issuer_With_No_Provider_And_A_Role_Not_Loaded()
    {
        using var h = new CoreHarness(TestTrust.CreateWithAws("https://gitlab.example.com"), issuerUrl: "https://gitlab.com");
        var (_, body, _) = await AssumeAsync(h, await h.MintAsync(TestClaims.MainBranch(TestTrust.AwsAudience)));
        Assert.Equal(("InvalidIdentityToken", "No OpenIDConnect provider found in your account for https://gitlab.com"), Error(body));

        using var other = new CoreHarness(TestTrust.CreateWithAws());
        var (status, denied, _) = await AssumeAsync(other, await other.MintAsync(TestClaims.MainBranch(TestTrust.AwsAudience)), "arn:aws:iam::111122223333:role/absent");
        Assert.Equal(403, status);
        Assert.Equal("AccessDenied", Error(denied).Code);
    }
}
