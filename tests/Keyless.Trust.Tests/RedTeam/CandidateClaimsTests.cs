using Keyless.Cel;
using Keyless.Trust.Claims;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Tests.RedTeam;

/// <summary>
/// The red-team's oracle reads each candidate as CEL values (<see cref="ClaimTable"/>), and only an admitted one
/// becomes JSON: both views of one candidate must read the same to every evaluator (the same claims, CEL map, strings,
/// and the same absences), or the search would admit what <c>explain</c> refuses.
/// </summary>
public sealed class CandidateClaimsTests
{
    public static TheoryData<bool, string?> Shapes() => new()
    {
        { true, "maintainer" },
        { false, null },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_candidate_reads_the_same_as_its_json(bool environment, string? accessLevel)
    {
        var shape = new TokenShape(
            new ProjectShape("42", "acme/app", "7", "acme", "43", "evil/app", "8", "evil", "public"),
            new RefEvent(new RefShape("tag", "v1.0", true), "push"),
            environment ? new EnvShape("production", true, "production") : EnvShape.None,
            new UserShape("mallory", "mallory@example.com", "99", accessLevel),
            "self-hosted",
            [GitLabClaimNames.ProjectPath, GitLabClaimNames.RefType, GitLabClaimNames.Ref, GitLabClaimNames.DeploymentTier]);
        var table = TokenFactory.Candidate("https://gitlab.com", "https://iam.googleapis.com/x", shape, "gitlab.com");
        var json = table.ToJson();
        var fromTable = TokenClaims.Wrap(table);
        var fromJson = TokenClaims.Wrap(json);

        Assert.Equal(fromJson.Names, fromTable.Names);
        Assert.Equal(CelValue.FromJson(json).ToJson()!.ToJsonString(), fromTable.Assertion.ToJson()!.ToJsonString());
        Assert.Equal(fromJson.Audiences, fromTable.Audiences);
        foreach (var name in fromJson.Names.Append(GitLabClaimNames.Expires).Append("absent"))
        {
            Assert.Equal(fromJson.Has(name), fromTable.Has(name));
            Assert.Equal(fromJson.IsNull(name), fromTable.IsNull(name));
            Assert.Equal(fromJson.GetString(name), fromTable.GetString(name));
            Assert.Equal(fromJson.Describe(name), fromTable.Describe(name));
            Assert.Equal(fromJson.GetNumericDate(name), fromTable.GetNumericDate(name));
        }

        // runner_id stays a number, user_access_level null for a user with no role, sub rendered from the components.
        Assert.Equal(9001, json[GitLabClaimNames.RunnerId]!.GetValue<int>());
        Assert.Equal(accessLevel is null, fromTable.IsNull(GitLabClaimNames.UserAccessLevel));
        Assert.Equal(environment ? "project_path:acme/app:ref_type:tag:ref:v1.0:deployment_tier:production" : "project_path:acme/app:ref_type:tag:ref:v1.0",
            fromTable.GetString(GitLabClaimNames.Subject));
    }
}
