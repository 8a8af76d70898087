using System.Text.Json.Nodes;
using Keyless.Trust.Claims;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Writes a candidate as the claims GitLab would mint (jwt_v2.rb): strings for ids and booleans, <c>runner_id</c> a
/// number, environment claims only with an environment, <c>sub</c> rendered from the components. Time claims are
/// left out so a witness stays valid for <c>keyless explain --claims</c> whenever it is run.
/// </summary>
public static class TokenFactory
{
    public static JsonObject Build(AttackPath path, TokenShape shape)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Build(path, shape, Host(path.Issuer));
    }

    /// <summary>With the issuer's host (for <c>ci_config_ref_uri</c>) worked out once per search, not per candidate.</summary>
    internal static JsonObject Build(AttackPath path, TokenShape shape, string host)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(shape);
        var p = shape.Project;
        var claims = new JsonObject
        {
            [GitLabClaimNames.NamespaceId] = p.NamespaceId,
            [GitLabClaimNames.NamespacePath] = p.NamespacePath,
            [GitLabClaimNames.ProjectId] = p.Id,
            [GitLabClaimNames.ProjectPath] = p.Path,
            [GitLabClaimNames.JobProjectId] = p.JobId,
            [GitLabClaimNames.JobProjectPath] = p.JobPath,
            [GitLabClaimNames.JobNamespaceId] = p.JobNamespaceId,
            [GitLabClaimNames.JobNamespacePath] = p.JobNamespacePath,
            [GitLabClaimNames.UserId] = shape.User.Id,
            [GitLabClaimNames.UserLogin] = shape.User.Login,
            [GitLabClaimNames.UserEmail] = shape.User.Email,
            [GitLabClaimNames.UserAccessLevel] = shape.User.AccessLevel,
            [GitLabClaimNames.PipelineId] = "7000001",
            [GitLabClaimNames.PipelineSource] = shape.PipelineSource,
            [GitLabClaimNames.JobId] = "8000001",
            [GitLabClaimNames.Ref] = shape.Ref.Name,
            [GitLabClaimNames.RefType] = shape.Ref.Type,
            [GitLabClaimNames.RefPath] = shape.Ref.RefPath,
            [GitLabClaimNames.RefProtected] = shape.Ref.Protected ? "true" : "false",
        };
        if (shape.Env.Name is { } environment)
        {
            claims[GitLabClaimNames.Environment] = environment;
            claims[GitLabClaimNames.EnvironmentProtected] = shape.Env.Protected ? "true" : "false";
            claims[GitLabClaimNames.DeploymentTier] = shape.Env.Tier ?? "other";
            claims[GitLabClaimNames.EnvironmentAction] = "start";
        }

        claims[GitLabClaimNames.RunnerId] = 9001;
        claims[GitLabClaimNames.RunnerEnvironment] = shape.RunnerEnvironment;
        claims[GitLabClaimNames.Sha] = "0123456789abcdef0123456789abcdef01234567";
        claims[GitLabClaimNames.CiConfigRefUri] = $"{host}/{p.Path}//.gitlab-ci.yml@{shape.Ref.RefPath}";
        claims[GitLabClaimNames.CiConfigSha] = "0123456789abcdef0123456789abcdef01234567";
        claims[GitLabClaimNames.ProjectVisibility] = "private";
        claims[GitLabClaimNames.Issuer] = path.Issuer;
        claims[GitLabClaimNames.Audience] = path.Audience;
        claims[GitLabClaimNames.Subject] = SubClaimRenderer.Render(claims, shape.Components);
        return claims;
    }

    internal static string Host(string issuer) =>
        Uri.TryCreate(issuer, UriKind.Absolute, out var uri) ? uri.Host + uri.AbsolutePath.TrimEnd('/') : issuer;
}
