using System.Text.Json.Nodes;
using Keyless.Trust.Claims;

namespace Keyless.Trust.Tests.Claims;

public sealed class TokenClaimsTests
{
    [Fact]
    public void Keeps_claim_types_as_gitlab_mints_them()
    {
        var claims = TokenClaims.FromJson(new JsonObject { ["ref_protected"] = "true", ["runner_id"] = 12, ["ci_config_sha"] = null });
        Assert.Equal("true", claims.GetString("ref_protected"));
        Assert.Null(claims.GetString("runner_id"));
        Assert.Equal("12", claims.Describe("runner_id"));
        Assert.True(claims.IsNull("ci_config_sha"));
        Assert.Equal("(absent)", claims.Describe("environment"));
    }

    [Fact]
    public void Audience_is_a_string_or_an_array()
    {
        Assert.Equal(["a"], TokenClaims.FromJson(new JsonObject { ["aud"] = "a" }).Audiences);
        Assert.Equal(["a", "b"], TokenClaims.FromJson(new JsonObject { ["aud"] = new JsonArray("a", "b") }).Audiences);
        Assert.Empty(TokenClaims.FromJson([]).Audiences);
    }

    [Fact]
    public void Is_a_copy_later_changes_do_not_leak_in()
    {
        var source = new JsonObject { ["ref"] = "main" };
        var claims = TokenClaims.FromJson(source);
        source["ref"] = "evil";
        Assert.Equal("main", claims.GetString("ref"));
        var copy = claims.ToJson();
        copy["ref"] = "other";
        Assert.Equal("main", claims.GetString("ref"));
    }
}
