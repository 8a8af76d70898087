using System.Text.Json.Nodes;
using Keyless.Trust.Claims;

namespace Keyless.Testing;

/// <summary>
/// The claims GitLab would mint for a job that <c>keyless plan</c> planned, on a push to protected main: the token
/// the plan intends to be allowed. The plan's round trip is tested twice, in-process and through the CLI, and both
/// must judge the same intended token (the <c>sub</c> is rendered by each, from the plan's components).
/// </summary>
public static class PlannedJobClaims
{
    /// <summary>
    /// The intended token of a job in <paramref name="projectPath"/> (project <paramref name="projectId"/>, its
    /// namespace the path's parent) asking for <paramref name="audience"/>; issued 10 s ago, valid 5 more minutes.
    /// </summary>
    public static JsonObject PushToMain(string issuer, string audience, string projectPath, string projectId, string? jwtId = null)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var token = new JsonObject
        {
            [GitLabClaimNames.Issuer] = issuer,
            [GitLabClaimNames.Audience] = audience,
            [GitLabClaimNames.IssuedAt] = now - 10,
            [GitLabClaimNames.NotBefore] = now - 15,
            [GitLabClaimNames.Expires] = now + 300,
            [GitLabClaimNames.NamespaceId] = "100",
            [GitLabClaimNames.NamespacePath] = projectPath[..projectPath.LastIndexOf('/')],
            [GitLabClaimNames.ProjectId] = projectId,
            [GitLabClaimNames.ProjectPath] = projectPath,
            [GitLabClaimNames.UserId] = "7",
            [GitLabClaimNames.UserLogin] = "maintainer",
            [GitLabClaimNames.UserAccessLevel] = "maintainer",
            [GitLabClaimNames.PipelineId] = "5001",
            [GitLabClaimNames.PipelineSource] = "push",
            [GitLabClaimNames.JobId] = "9001",
            [GitLabClaimNames.Ref] = "main",
            [GitLabClaimNames.RefType] = "branch",
            [GitLabClaimNames.RefPath] = "refs/heads/main",
            [GitLabClaimNames.RefProtected] = "true",
            [GitLabClaimNames.RunnerId] = 12,
            [GitLabClaimNames.RunnerEnvironment] = "gitlab-hosted",
            [GitLabClaimNames.Sha] = "0123456789abcdef0123456789abcdef01234567",
            [GitLabClaimNames.ProjectVisibility] = "private",
        };
        if (jwtId is not null)
        {
            token[GitLabClaimNames.JwtId] = jwtId;
        }

        return token;
    }

    /// <summary>
    /// Adds the job's <paramref name="environment"/>: the plan protects the environments it names, so GitLab marks
    /// them protected; <paramref name="tier"/> when the job names one.
    /// </summary>
    public static JsonObject WithProtectedEnvironment(this JsonObject token, string environment, string? tier)
    {
        token[GitLabClaimNames.Environment] = environment;
        token[GitLabClaimNames.EnvironmentProtected] = "true";
        token[GitLabClaimNames.EnvironmentAction] = "start";
        if (tier is not null)
        {
            token[GitLabClaimNames.DeploymentTier] = tier;
        }

        return token;
    }
}
