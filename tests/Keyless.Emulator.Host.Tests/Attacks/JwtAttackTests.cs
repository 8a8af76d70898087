namespace Keyless.Emulator.Host.Tests.Attacks;

/// <summary>
/// The attack catalogue against the emulator's GCP STS and Entra token endpoints over loopback HTTP(S): every forged
/// token gets the cloud's own refusal, never a token, and nothing the token names is ever fetched.
/// </summary>
public sealed class JwtAttackTests(AttackRig rig) : IClassFixture<AttackRig>
{
    public static TheoryData<string> GcpRefused => Names(c => c.Gcp is not null);

    public static TheoryData<string> EntraRefused => Names(c => c.Entra is not null);

    public static TheoryData<string> AcceptedByDesign => Names(c => c.Gcp is null || c.Entra is null);

    [Fact]
    public async Task Should_Accept_The_Genuine_Token_On_Both_Clouds_Again_And_Again()
    {
        // The control: the rig's issuer, key and trust do admit a genuine token, so each refusal below is the attack's doing.
        for (var i = 0; i < 3; i++)
        {
            var (gcpStatus, gcp) = await rig.ExchangeGcpAsync(AttackCases.Signed(rig, rig.Claims(TestTrust.GcpAudience)));
            var (entraStatus, entra) = await rig.ExchangeEntraAsync(AttackCases.Signed(rig, rig.Claims(TestTrust.AzureAudience)));

            Assert.True(gcpStatus == 200, $"exchange {i + 1}: {gcp.ToJsonString()}");
            Assert.True(entraStatus == 200, $"exchange {i + 1}: {entra.ToJsonString()}");
            Assert.StartsWith("ya29.", gcp["access_token"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(GcpRefused))]
    public async Task Should_Refuse_On_Gcp_Sts_With_The_Sts_Error(string name)
    {
        var attack = AttackCases.Named(name);

        var (status, body) = await rig.ExchangeGcpAsync(attack.Forge(rig, rig.Claims(TestTrust.GcpAudience)));

        Assert.True(attack.Gcp!.Matches(status, body), $"expected {attack.Gcp}, got {status} {body.ToJsonString()}");
        Assert.Null(body["access_token"]);
    }

    [Theory]
    [MemberData(nameof(EntraRefused))]
    public async Task Should_Refuse_On_Entra_With_The_Aadsts_Error(string name)
    {
        var attack = AttackCases.Named(name);

        var (status, body) = await rig.ExchangeEntraAsync(attack.Forge(rig, rig.Claims(TestTrust.AzureAudience)));

        Assert.True(attack.Entra!.Matches(status, body), $"expected {attack.Entra}, got {status} {body.ToJsonString()}");
        Assert.Null(body["access_token"]);
        Assert.Equal(body["error_description"]!.GetValue<string>()[6..].Split(':')[0], body["error_codes"]![0]!.ToString());
    }

    [Theory]
    [MemberData(nameof(AcceptedByDesign))]
    public async Task Should_Accept_What_The_Cloud_Itself_Accepts(string name)
    {
        var attack = AttackCases.Named(name);

        var (status, body) = attack.Gcp is null
            ? await rig.ExchangeGcpAsync(attack.Forge(rig, rig.Claims(TestTrust.GcpAudience)))
            : await rig.ExchangeEntraAsync(attack.Forge(rig, rig.Claims(TestTrust.AzureAudience)));

        Assert.True(status == 200, $"{attack.Why}; got {status} {body.ToJsonString()}");
    }

    [Fact]
    public async Task Should_Never_Fetch_A_Url_Or_Key_Named_By_The_Token()
    {
        string[] names = ["jku header naming the attacker's key set", "x5u header naming the attacker's certificate under the trusted kid",
            "jwk header carrying the attacker's key and kid", "x5c header with the attacker's certificate under the trusted kid"];
        foreach (var name in names)
        {
            await rig.ExchangeGcpAsync(AttackCases.Named(name).Forge(rig, rig.Claims(TestTrust.GcpAudience)));
            await rig.ExchangeEntraAsync(AttackCases.Named(name).Forge(rig, rig.Claims(TestTrust.AzureAudience)));
        }

        Assert.Equal(0, rig.Attacker.Requests);
    }

    [Fact]
    public async Task Should_Keep_Forged_Tokens_Out_Of_The_Decision_Log()
    {
        var token = AttackCases.Named("valid signature from another key under the trusted kid").Forge(rig, rig.Claims(TestTrust.GcpAudience));

        await rig.ExchangeGcpAsync(token);

        Assert.Contains("DENY", rig.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(token[(token.LastIndexOf('.') + 1)..], rig.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1], rig.Log, StringComparison.Ordinal);
    }

    private static TheoryData<string> Names(Func<AttackCase, bool> which) => [.. AttackCases.All.Where(which).Select(c => c.Name)];
}
