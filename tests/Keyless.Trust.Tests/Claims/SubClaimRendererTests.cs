using System.Text.Json.Nodes;
using Keyless.Trust.Claims;

namespace Keyless.Trust.Tests.Claims;

public sealed class SubClaimRendererTests
{
    private static JsonObject Claims(bool withEnvironment = true)
    {
        var claims = new JsonObject
        {
            ["project_path"] = "acme/payments",
            ["project_id"] = "4242",
            ["ref_type"] = "branch",
            ["ref"] = "main",
            ["ref_protected"] = "true",
        };
        if (withEnvironment)
        {
            claims["environment_protected"] = "true";
            claims["deployment_tier"] = "production";
        }

        return claims;
    }

    public sealed class Render
    {
        [Fact]
        public void Default_components_give_gitlabs_default_sub() =>
            Assert.Equal("project_path:acme/payments:ref_type:branch:ref:main", SubClaimRenderer.Render(Claims()));

        [Fact]
        public void Project_id_first_follows_the_configured_order() =>
            Assert.Equal("project_id:4242:ref:main:ref_type:branch",
                SubClaimRenderer.Render(Claims(), ["project_id", "ref", "ref_type"]));

        [Fact]
        public void Absent_components_are_dropped_not_rendered_empty()
        {
            string[] components = ["project_id", "ref_type", "ref", "environment_protected", "deployment_tier"];
            Assert.Equal("project_id:4242:ref_type:branch:ref:main:environment_protected:true:deployment_tier:production",
                SubClaimRenderer.Render(Claims(), components));
            Assert.Equal("project_id:4242:ref_type:branch:ref:main", SubClaimRenderer.Render(Claims(withEnvironment: false), components));
        }
    }

    public sealed class Validate
    {
        [Fact]
        public void Accepts_project_id_first() => Assert.Null(SubClaimRenderer.Validate(["project_id", "ref_type", "ref"]));

        [Fact]
        public void Rejects_a_list_not_starting_with_the_project() =>
            Assert.Contains("must start with", SubClaimRenderer.Validate(["ref", "project_path"]), StringComparison.Ordinal);

        [Fact]
        public void Rejects_the_environment_name_which_gitlab_does_not_allow() =>
            Assert.Contains("environment", SubClaimRenderer.Validate(["project_path", "environment"]), StringComparison.Ordinal);
    }
}
