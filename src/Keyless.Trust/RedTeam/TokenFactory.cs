using System.Text.Json.Nodes;
using Keyless.Trust.Claims;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Writes a candidate as the claims GitLab would mint (jwt.rb, jwt_v2.rb): strings for ids and booleans,
/// <c>runner_id</c> a number, environment claims only with an environment, <c>user_access_level</c> null for a user
/// with no role in <c>project_*</c>, <c>sub</c> rendered from the components. Time claims are left out so a witness
/// stays valid for <c>keyless explain --claims</c> whenever it is run.
/// </summary>
public static class TokenFactory
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    public static JsonObject Build(AttackPath path, SearchSpace space, TokenShape shape)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(space);
        return Build(space.Issuer, path.Audience, shape, Host(space.Issuer));
    }

    /// <summary>With the issuer's host (for <c>ci_config_ref_uri</c>) worked out once per search, not per candidate.</summary>
    internal static JsonObject Build(string issuer, string audience, TokenShape shape, string host)
    {
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
            [GitLabClaimNames.PipelineSource] = shape.Event.PipelineSource,
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
            claims[GitLabClaimNames.EnvironmentAction] = shape.Env.Action;
        }

        claims[GitLabClaimNames.RunnerId] = 9001;
        claims[GitLabClaimNames.RunnerEnvironment] = shape.RunnerEnvironment;
        claims[GitLabClaimNames.Sha] = Sha;
        claims[GitLabClaimNames.CiConfigRefUri] = $"{host}/{p.Path}//.gitlab-ci.yml@{shape.Ref.RefPath}";
        claims[GitLabClaimNames.CiConfigSha] = Sha;
        claims[GitLabClaimNames.ProjectVisibility] = p.Visibility;
        claims[GitLabClaimNames.Issuer] = issuer;
        claims[GitLabClaimNames.Audience] = audience;
        claims[GitLabClaimNames.Subject] = SubClaimRenderer.Render(claims, shape.Components);
        return claims;
    }

    internal static string Host(string issuer) =>
        Uri.TryCreate(issuer, UriKind.Absolute, out var uri) ? uri.Host + uri.AbsolutePath.TrimEnd('/') : issuer;
}
