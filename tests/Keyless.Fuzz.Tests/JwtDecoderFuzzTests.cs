using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Keyless.Emulator.Verification;
using Keyless.Formats.Inputs.Tokens;

namespace Keyless.Fuzz.Tests;

/// <summary>
/// The JWT decoders on forged and broken tokens: <see cref="JwtParts.Decode"/> and <see cref="ClaimsReader.Read"/>
/// refuse with an InputException only; the emulator's <see cref="JwtVerifier"/> never throws at all (a failure is a
/// <c>JwtVerification</c>) and never calls a mutated token valid.
/// </summary>
public sealed class JwtDecoderFuzzTests
{
    private const string Target = "jwt";
    private const string ClaimsTarget = "claims";
    private const string KeyId = "fuzz-key";

    private static readonly RSA Key = RSA.Create(2048);
    private static readonly VerificationKey[] TrustedKeys = [new(KeyId, Key.ExportParameters(false))];

    private static readonly string[] Headers =
    [
        $"{{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"{KeyId}\"}}",
        "{\"alg\":\"none\"}",
        "{\"alg\":\"HS256\",\"kid\":\"fuzz-key\"}",
        "{\"alg\":\"RS256\",\"kid\":\"../../etc/passwd\",\"jku\":\"http://127.0.0.1:1/\",\"crit\":[\"b64\"]}",
    ];

    /// <summary>Signed tokens over every claims seed; mutations apply to the header JSON, the claims JSON or the compact form.</summary>
    private static readonly string[] Tokens = Seeds.Claims.Select(c => Sign(Headers[0], Compact(c))).ToArray();

    [Fact]
    public void Mutated_compact_tokens_decode_or_are_refused() =>
        Mutations.Of(Tokens, Mutations.ForText).Sample(
            (seed, mutations) => Check(Mutations.Apply(Tokens[seed], mutations), Tokens[seed]),
            iter: FuzzBudget.Iterations * 2, seed: FuzzBudget.Seed, threads: 1);

    [Fact]
    public void Tokens_with_mutated_header_and_claims_JSON_decode_or_are_refused() =>
        Gen.Select(Mutations.Of(Seeds.Claims, Mutations.ForJson), Gen.Int[0, Headers.Length - 1], Mutations.ForJson, Gen.Bool)
            .Sample(
                (claims, header, headerMutations, signed) =>
                {
                    var payload = Mutations.Apply(Seeds.Claims[claims.Seed], claims.Mutations);
                    var head = Mutations.Apply(Headers[header], headerMutations);
                    var token = B64(head) + "." + B64(payload);
                    Check(signed ? Sign(head, payload) : token + "." + B64("sig"), original: null);
                },
                iter: FuzzBudget.Iterations * 2, seed: FuzzBudget.Seed, threads: 1);

    [Fact]
    public void Mutated_claims_files_read_or_are_refused() =>
        Mutations.Of(Seeds.Claims, Gen.OneOf(Mutations.ForJson, Mutations.ForText)).Sample(
            (seed, mutations) => CheckClaims(Mutations.Apply(Seeds.Claims[seed], mutations)),
            iter: FuzzBudget.Iterations * 2, seed: FuzzBudget.Seed, threads: 1);

    [Fact]
    public void The_saved_corpus_decodes_or_is_refused()
    {
        var tokens = Corpus.Texts(Target);
        var claims = Corpus.Texts(ClaimsTarget);
        Assert.NotEmpty(tokens);
        Assert.NotEmpty(claims);
        foreach (var token in tokens)
        {
            Check(token, original: null);
        }

        foreach (var text in claims)
        {
            CheckClaims(text);
        }
    }

    [Fact]
    public void The_unmutated_seeds_verify_so_the_properties_are_not_vacuous()
    {
        Assert.All(Tokens, t => Assert.True(JwtVerifier.Verify(t, TrustedKeys).IsValid));
    }

    private static void Check(string token, string? original)
    {
        // explain's and login's decoder may refuse with the documented InputException; the emulator's verifier faces
        // the network and answers every input with a value, so for it any exception at all is a bug. Each runs on
        // every input: a refusal by the first must not keep the second from being fuzzed.
        FuzzCase.Run(Target, token, text => _ = JwtParts.Decode(text, "token"));
        FuzzCase.Run(Target, token, text => Verify(text, original), inputExceptionAllowed: false);
    }

    private static void Verify(string text, string? original)
    {
        var read = JwtVerifier.Read(text);
        var verified = JwtVerifier.Verify(text, TrustedKeys);

        // A read failure is a verification failure too; anything that verifies carries header and claims.
        Assert.True(read.IsValid || !verified.IsValid);
        if (verified.IsValid)
        {
            Assert.NotNull(verified.Claims);
            Assert.True(original is null || SameSigned(text, original), "a mutated token verified");
        }
    }

    private static void CheckClaims(string text) => FuzzCase.Run(ClaimsTarget, text, t => _ = ClaimsReader.Read("claims.json", t).ToJsonString(), ".json");

    /// <summary>Mutations that leave the signed bytes and the signature equal (e.g. trailing whitespace) may verify.</summary>
    private static bool SameSigned(string mutated, string original) =>
        string.Equals(mutated.Trim(), original, StringComparison.Ordinal)
        || (JwtVerifier.Read(mutated) is { IsValid: true } m && JwtVerifier.Read(original) is { IsValid: true } o
            && m.Claims!.ToJsonString() == o.Claims!.ToJsonString() && m.Header!.ToJsonString() == o.Header!.ToJsonString());

    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();

    private static string Sign(string header, string payload)
    {
        var input = B64(header) + "." + B64(payload);
        var signature = Key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url(signature);
    }

    private static string B64(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
