using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Keyless.Emulator.Issuer;
using Keyless.Emulator.Verification;

namespace Keyless.Emulator.Tests.Verification;

public sealed class JwtVerifierTests : IDisposable
{
    private readonly SigningKey _issuer = SigningKey.Generate();
    private readonly RSA _attacker = RSA.Create(2048);

    private VerificationKey[] Trusted => [new(_issuer.KeyId, _issuer.PublicParameters())];

    public void Dispose()
    {
        _issuer.Dispose();
        _attacker.Dispose();
    }

    [Fact]
    public async Task Should_Accept_A_Token_Signed_By_The_Issuer_Key()
    {
        var token = CompactJwt.Sign(TestClaims.MainBranch(), _issuer);

        var result = await JwtVerifier.VerifyAsync(token, Trusted);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal("acme/payments", result.Claims!["project_path"]!.GetValue<string>());
        Assert.Equal(7, result.Claims["runner_id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_Accept_Every_Later_Token_With_The_Same_Kid()
    {
        // Regression: a signature provider cached by kid and bound to a disposed key failed the second token.
        for (var i = 0; i < 3; i++)
        {
            var token = CompactJwt.Sign(TestClaims.MainBranch().With("job_id", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), _issuer);

            var result = await JwtVerifier.VerifyAsync(token, Trusted);

            Assert.True(result.IsValid, $"token {i}: {result.Reason}");
        }
    }

    [Fact]
    public async Task Should_Verify_Tokens_Signed_Concurrently()
    {
        var tokens = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() =>
            CompactJwt.Sign(TestClaims.MainBranch().With("job_id", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), _issuer))));

        var results = await Task.WhenAll(tokens.Select(t => JwtVerifier.VerifyAsync(t, Trusted)));

        Assert.All(results, r => Assert.True(r.IsValid, r.Reason));
    }

    [Fact]
    public async Task Should_Refuse_A_Crit_Header_It_Cannot_Honour()
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = _issuer.KeyId, ["crit"] = new JsonArray("exp-ext"), ["exp-ext"] = true };
        var token = Forge.Token(header, TestClaims.MainBranch(), input => _issuer.Sign(input));

        var result = await JwtVerifier.VerifyAsync(token, Trusted);

        Assert.Equal(JwtFailure.CriticalHeader, result.Failure);
    }

    [Fact]
    public async Task Should_Judge_Only_The_Signature_Whatever_Shape_The_Claims_Have()
    {
        // An aud object is the evaluator's to refuse (with the cloud's audience error), not a bad signature.
        var token = CompactJwt.Sign(TestClaims.MainBranch().With("aud", new JsonObject { ["0"] = "https://gitlab.com" }), _issuer);

        var result = await JwtVerifier.VerifyAsync(token, Trusted);

        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public async Task Should_Refuse_Alg_None()
    {
        var token = Forge.Token(new JsonObject { ["alg"] = "none", ["kid"] = _issuer.KeyId }, TestClaims.MainBranch(), _ => []);

        var result = await JwtVerifier.VerifyAsync(token, Trusted);

        Assert.Equal(JwtFailure.UnsupportedAlgorithm, result.Failure);
        Assert.Contains("none", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_An_Hmac_Signed_With_The_Public_Key_As_Secret()
    {
        // The classic key confusion: HS256 keyed with the bytes anyone can read from the JWKS.
        var publicBytes = _issuer.PublicParameters().Modulus!;
        var token = Forge.Token(new JsonObject { ["alg"] = "HS256", ["kid"] = _issuer.KeyId, ["typ"] = "JWT" },
            TestClaims.MainBranch(), input => HMACSHA256.HashData(publicBytes, input));

        var result = await JwtVerifier.VerifyAsync(token, Trusted);

        Assert.Equal(JwtFailure.UnsupportedAlgorithm, result.Failure);
        Assert.Contains("HMAC", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jwk")]
    [InlineData("jku")]
    [InlineData("x5u")]
    public async Task Should_Never_Use_A_Key_Named_By_The_Token_Header(string member)
    {
        // The attacker names its own key in the header and uses that key's kid.
        var attackerKid = "attacker";
        var parameters = _attacker.ExportParameters(false);
        JsonNode pointer = member == "jwk"
            ? new JsonObject { ["kty"] = "RSA", ["kid"] = attackerKid, ["e"] = Base64Url.Encode(parameters.Exponent!), ["n"] = Base64Url.Encode(parameters.Modulus!) }
            : "https://evil.example/keys";
        var token = Forge.Rs256(_attacker, attackerKid, TestClaims.MainBranch(), new JsonObject { [member] = pointer });

        var result = await JwtVerifier.VerifyAsync(token, Trusted);

        Assert.Equal(JwtFailure.UnknownKeyId, result.Failure);
    }

    [Fact]
    public async Task Should_Refuse_A_Header_Key_Even_Under_The_Issuer_Kid()
    {
        var parameters = _attacker.ExportParameters(false);
        var jwk = new JsonObject { ["kty"] = "RSA", ["kid"] = _issuer.KeyId, ["e"] = Base64Url.Encode(parameters.Exponent!), ["n"] = Base64Url.Encode(parameters.Modulus!) };
        var token = Forge.Rs256(_attacker, _issuer.KeyId, TestClaims.MainBranch(), new JsonObject { ["jwk"] = jwk });

        var result = await JwtVerifier.VerifyAsync(token, Trusted);

        Assert.Equal(JwtFailure.BadSignature, result.Failure);
    }

    [Fact]
    public async Task Should_Refuse_An_Unknown_Kid()
    {
        var token = Forge.Rs256(_attacker, "some-other-kid", TestClaims.MainBranch());

        var result = await JwtVerifier.VerifyAsync(token, Trusted);

        Assert.Equal(JwtFailure.UnknownKeyId, result.Failure);
        Assert.Contains("some-other-kid", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_A_Missing_Kid()
    {
        var token = Forge.Token(new JsonObject { ["alg"] = "RS256" }, TestClaims.MainBranch(),
            input => _attacker.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        var result = await JwtVerifier.VerifyAsync(token, Trusted);

        Assert.Equal(JwtFailure.MissingKeyId, result.Failure);
    }

    [Fact]
    public async Task Should_Refuse_Tampered_Claims()
    {
        var token = CompactJwt.Sign(TestClaims.MainBranch(), _issuer);
        var tampered = Forge.Tamper(token, TestClaims.MainBranch().With("project_id", "1"));

        var result = await JwtVerifier.VerifyAsync(tampered, Trusted);

        Assert.Equal(JwtFailure.BadSignature, result.Failure);
    }

    [Fact]
    public async Task Should_Refuse_A_Token_Over_The_Size_Cap_Without_Parsing_It()
    {
        var token = CompactJwt.Sign(TestClaims.MainBranch().With("pad", new string('x', JwtVerifier.MaxTokenLength)), _issuer);

        var result = await JwtVerifier.VerifyAsync(token, Trusted);

        Assert.Equal(JwtFailure.TooLarge, result.Failure);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d.e")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.!!!.sig")]
    [InlineData("WzFd.WzFd.c2ln")]
    public async Task Should_Call_Malformed_Tokens_Malformed(string token)
    {
        var result = await JwtVerifier.VerifyAsync(token, Trusted);

        Assert.Equal(JwtFailure.Malformed, result.Failure);
    }

    [Fact]
    public async Task Should_Refuse_Duplicate_Claim_Names()
    {
        // Two project_id members: parsers disagree on which wins, so the token is refused outright.
        var result = await JwtVerifier.VerifyAsync(SignedByIssuer("{\"project_id\":\"4242\",\"project_id\":\"1\"}"), Trusted);

        Assert.Equal(JwtFailure.Malformed, result.Failure);
    }

    [Theory]
    [InlineData("a.b", 2)]
    [InlineData("a.b.c.d.e", 5)]
    [InlineData("...", 4)]
    public void Should_Say_How_Many_Parts_A_Malformed_Token_Has(string token, int parts)
    {
        var result = JwtVerifier.Read(token);

        Assert.Equal(JwtFailure.Malformed, result.Failure);
        Assert.Contains($"has {parts} dot-separated parts", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Call_Claims_That_Are_Not_UTF8_Malformed()
    {
        // 0xC3 0x28 is no UTF-8 sequence; a decoder that replaced it with U+FFFD would read a claim no issuer signed.
        var payload = Base64Url.Encode([.. "{\"sub\":\""u8, 0xC3, 0x28, .. "\"}"u8]);

        var result = JwtVerifier.Read(Forge.B64("{\"alg\":\"RS256\",\"kid\":\"k\"}") + "." + payload + ".c2ln");

        Assert.Equal(JwtFailure.Malformed, result.Failure);
        Assert.Contains("payload", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_An_Escaped_Unpaired_Surrogate_In_A_Claim_Value()
    {
        var result = JwtVerifier.Read(Forge.B64("{\"alg\":\"RS256\",\"kid\":\"k\"}") + "." + Forge.B64("{\"sub\":\"a\\uDC00b\"}") + ".c2ln");

        Assert.Equal(JwtFailure.Malformed, result.Failure);
    }

    [Fact]
    public async Task Should_Read_Escaped_Names_And_Escaped_Surrogate_Pairs_As_Their_Text()
    {
        // The second look at escaped text must not refuse what is well formed: \uD83D\uDE80 is one code point.
        var result = await JwtVerifier.VerifyAsync(SignedByIssuer("{\"project\\u005fpath\":\"acme/\\uD83D\\uDE80\"}"), Trusted);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal("acme/\U0001F680", result.Claims!["project_path"]!.GetValue<string>());
    }

    // A token the issuer's key really signs, with claims written as raw JSON text (which CompactJwt cannot produce).
    private string SignedByIssuer(string claimsJson)
    {
        var signingInput = Forge.B64($"{{\"alg\":\"RS256\",\"kid\":\"{_issuer.KeyId}\"}}") + "." + Forge.B64(claimsJson);
        return signingInput + "." + Base64Url.Encode(_issuer.Sign(System.Text.Encoding.ASCII.GetBytes(signingInput)));
    }
}
