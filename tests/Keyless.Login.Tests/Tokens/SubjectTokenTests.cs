using Keyless.Login.Tests.Infrastructure;
using Keyless.Login.Tokens;
using Keyless.Trust.Diagnostics;

namespace Keyless.Login.Tests.Tokens;

public sealed class SubjectTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public sealed class Parse
    {
        [Fact]
        public void Should_Decode_The_Claims_And_The_Key_Id_Without_Verifying()
        {
            var compact = TestTokens.Compact(TestTokens.Claims(TestTrust.StsAudience, Now), kid: "kid-1");

            var token = SubjectToken.Parse("  " + compact + "\n", "$GITLAB_OIDC_TOKEN");

            Assert.Equal(compact, token.Value);
            Assert.Equal("kid-1", token.KeyId);
            Assert.Equal("RS256", token.Algorithm);
            Assert.Equal("4242", token.Claims.GetString("project_id"));
            Assert.Equal([TestTrust.StsAudience], token.Claims.Audiences);
        }

        [Theory]
        [InlineData("", "is empty")]
        [InlineData("   \n", "is empty")]
        [InlineData("not-a-jwt-at-all", "expected 3 dot-separated parts, found 1")]
        [InlineData("a.b", "found 2")]
        [InlineData("a!b.c.d", "the header is not base64url")]
        [InlineData("bm90IGpzb24.e30.c2ln", "the header is not JSON")]
        [InlineData("WzFd.e30.c2ln", "the header is not a JSON object")]
        public void Should_Refuse_What_Is_Not_A_Jwt_Naming_The_Source_But_Not_The_Text(string text, string expected)
        {
            var error = Assert.Throws<InputException>(() => SubjectToken.Parse(text, "$GITLAB_OIDC_TOKEN"));

            Assert.Equal("$GITLAB_OIDC_TOKEN", error.File);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            if (text.Trim().Length > 3)
            {
                Assert.DoesNotContain(text.Trim(), error.Message, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData("""{"sub":"project_path:acme/app:ref_type:branch:ref:main","sub":"x"}""", "duplicate")]
        [InlineData("""{"sub":"\uD800"}""", "surrogate")]
        public void Should_Refuse_A_Payload_Parsers_Would_Read_Differently(string payload, string expected)
        {
            var text = "eyJhbGciOiJSUzI1NiJ9." + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + ".c2ln";

            var error = Assert.Throws<InputException>(() => SubjectToken.Parse(text, "$GITLAB_OIDC_TOKEN"));

            Assert.Equal("$GITLAB_OIDC_TOKEN", error.File);
            Assert.StartsWith("is not a JWT: the payload is not JSON", error.Message, StringComparison.Ordinal);
            Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(text.Split('.')[1], error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Never_Show_The_Token_When_Formatted()
        {
            var token = TestTokens.Token(TestTokens.Claims(TestTrust.StsAudience, Now));

            Assert.DoesNotContain(token.Value.Split('.')[2], $"{token}", StringComparison.Ordinal);
            Assert.Equal("[id_token from $GITLAB_OIDC_TOKEN]", token.ToString());
        }
    }

    public sealed class FromEnvironment
    {
        [Fact]
        public void Should_Say_How_To_Declare_A_Missing_Variable()
        {
            var error = Assert.Throws<InputException>(() => SubjectToken.FromEnvironment("GITLAB_OIDC_TOKEN", _ => null));

            Assert.Equal("$GITLAB_OIDC_TOKEN", error.File);
            Assert.Contains("id_tokens:", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Read_The_Named_Variable()
        {
            var compact = TestTokens.Compact(TestTokens.Claims(TestTrust.StsAudience, Now));

            var token = SubjectToken.FromEnvironment("ID_TOKEN", name => name == "ID_TOKEN" ? compact : null);

            Assert.Equal("$ID_TOKEN", token.Source);
            Assert.Equal(compact, token.Value);
        }
    }

    public sealed class FromFile
    {
        [Fact]
        public void Should_Name_A_Missing_File()
        {
            var path = Path.Combine(Path.GetTempPath(), "keyless-no-such-" + Guid.NewGuid().ToString("N"));

            var error = Assert.Throws<InputException>(() => SubjectToken.FromFile(path));

            Assert.Equal(path, error.File);
        }
    }
}
