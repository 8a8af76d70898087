using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace Keyless.Emulator.Host.Tests;

public sealed class EmulatorHostTests
{
    [Fact]
    public async Task Should_Serve_The_Same_Issuer_Over_Http_And_Https_On_Loopback()
    {
        await using var emu = await RunningEmulator.StartAsync();
        using var client = emu.Client();

        var overHttp = JsonNode.Parse(await client.GetStringAsync(emu.Http + "/.well-known/openid-configuration", TestContext.Current.CancellationToken))!;
        var overHttps = JsonNode.Parse(await client.GetStringAsync(emu.Https + "/.well-known/openid-configuration", TestContext.Current.CancellationToken))!;

        Assert.Equal("127.0.0.1", emu.Host.HttpUrl.Host);
        Assert.Equal("127.0.0.1", emu.Host.HttpsUrl.Host);
        Assert.Equal("https://gitlab.com", overHttp["issuer"]!.GetValue<string>());
        Assert.Equal(emu.Https + "/oauth/discovery/keys", overHttps["jwks_uri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Write_Only_The_Certificate_As_Pem_For_127_0_0_1_And_Localhost()
    {
        await using var emu = await RunningEmulator.StartAsync();

        var pem = await File.ReadAllTextAsync(emu.Host.CertificatePath, TestContext.Current.CancellationToken);
        using var certificate = X509Certificate2.CreateFromPem(pem);
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();

        Assert.Contains("BEGIN CERTIFICATE", pem, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", pem, StringComparison.Ordinal);
        Assert.Contains(IPAddress.Loopback, san.EnumerateIPAddresses());
        Assert.Contains("localhost", san.EnumerateDnsNames());
        Assert.Equal(emu.Certificate.Thumbprint, certificate.Thumbprint);
    }

    [Fact]
    public async Task Should_Validate_As_A_Trust_Anchor_For_Localhost()
    {
        await using var emu = await RunningEmulator.StartAsync();
        using var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(emu.Host.CertificatePath, TestContext.Current.CancellationToken));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;

        Assert.True(chain.Build(certificate), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public async Task Should_Refuse_Bodies_Over_The_Cap_With_413()
    {
        await using var emu = await RunningEmulator.StartAsync();
        using var client = emu.Client();
        using var content = new StringContent("subject_token=" + new string('a', 200_000), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, emu.Https + "/v1/token") { Content = content };

        // Expect: 100-continue lets the emulator refuse on Content-Length before the body is sent; without it the
        // refusal races the upload and the client may see the closed connection instead of the 413.
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Should_Mint_For_A_Loopback_Caller_And_Mark_Token_Responses_No_Store()
    {
        await using var emu = await RunningEmulator.StartAsync();
        using var client = emu.Client();
        using var content = new StringContent(new JsonObject { ["claims"] = TestTrust.Claims("https://gitlab.com") }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(emu.Http + "/-/keyless/mint", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Declare_The_Length_Of_Every_Answer_And_Send_No_Body_For_Head()
    {
        await using var emu = await RunningEmulator.StartAsync();
        using var client = emu.Client();

        using var get = await client.GetAsync(emu.Http + "/.well-known/openid-configuration", TestContext.Current.CancellationToken);
        var body = await get.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, emu.Http + "/.well-known/openid-configuration"), TestContext.Current.CancellationToken);

        Assert.Equal(body.Length, get.Content.Headers.ContentLength);
        Assert.False(get.Headers.TransferEncodingChunked ?? false);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
