using System.Text.Json.Nodes;
using Keyless.Cel;
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
    internal static JsonObject Build(string issuer, string audience, TokenShape shape, string host) =>
        Candidate(issuer, audience, shape, host).ToJson();

    /// <summary>
    /// The candidate as the oracle reads it (CEL values, no JSON object per candidate); <see cref="ClaimTable.ToJson"/>
    /// gives the claims <see cref="Build(string, string, TokenShape, string)"/> returns, in the same order.
    /// </summary>
    internal static ClaimTable Candidate(string issuer, string audience, TokenShape shape, string host)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var p = shape.Project;
        var refPath = shape.Ref.RefPath;
        var claims = new ClaimTable(shape.Env.Name is null ? Keys.WithoutEnvironment : Keys.WithEnvironment);
        claims.Add(Keys.NamespaceId, p.NamespaceId);
        claims.Add(Keys.NamespacePath, p.NamespacePath);
        claims.Add(Keys.ProjectId, p.Id);
        claims.Add(Keys.ProjectPath, p.Path);
        claims.Add(Keys.JobProjectId, p.JobId);
        claims.Add(Keys.JobProjectPath, p.JobPath);
        claims.Add(Keys.JobNamespaceId, p.JobNamespaceId);
        claims.Add(Keys.JobNamespacePath, p.JobNamespacePath);
        claims.Add(Keys.UserId, shape.User.Id);
        claims.Add(Keys.UserLogin, shape.User.Login);
        claims.Add(Keys.UserEmail, shape.User.Email);
        claims.Add(Keys.UserAccessLevel, shape.User.AccessLevel);
        claims.Add(Keys.PipelineId, Keys.PipelineIdValue);
        claims.Add(Keys.PipelineSource, shape.Event.PipelineSource);
        claims.Add(Keys.JobId, Keys.JobIdValue);
        claims.Add(Keys.Ref, shape.Ref.Name);
        claims.Add(Keys.RefType, shape.Ref.Type);
        claims.Add(Keys.RefPath, refPath);
        claims.Add(Keys.RefProtected, shape.Ref.Protected ? Keys.True : Keys.False);
        if (shape.Env.Name is { } environment)
        {
            claims.Add(Keys.Environment, environment);
            claims.Add(Keys.EnvironmentProtected, shape.Env.Protected ? Keys.True : Keys.False);
            claims.Add(Keys.DeploymentTier, shape.Env.Tier ?? "other");
            claims.Add(Keys.EnvironmentAction, shape.Env.Action);
        }

        claims.Add(Keys.RunnerId, Keys.RunnerIdValue);
        claims.Add(Keys.RunnerEnvironment, shape.RunnerEnvironment);
        claims.Add(Keys.Sha, Keys.ShaValue);
        claims.Add(Keys.CiConfigRefUri, $"{host}/{p.Path}//.gitlab-ci.yml@{refPath}");
        claims.Add(Keys.CiConfigSha, Keys.ShaValue);
        claims.Add(Keys.ProjectVisibility, p.Visibility);
        claims.Add(Keys.Issuer, issuer);
        claims.Add(Keys.Audience, audience);
        claims.Add(Keys.Subject, SubClaimRenderer.Render(claims, shape.Components));
        return claims;
    }

    /// <summary>Every claim name a candidate carries, and the values that never change, as CEL values made once.</summary>
    private static class Keys
    {
        public static readonly ClaimKey NamespaceId = new(GitLabClaimNames.NamespaceId);
        public static readonly ClaimKey NamespacePath = new(GitLabClaimNames.NamespacePath);
        public static readonly ClaimKey ProjectId = new(GitLabClaimNames.ProjectId);
        public static readonly ClaimKey ProjectPath = new(GitLabClaimNames.ProjectPath);
        public static readonly ClaimKey JobProjectId = new(GitLabClaimNames.JobProjectId);
        public static readonly ClaimKey JobProjectPath = new(GitLabClaimNames.JobProjectPath);
        public static readonly ClaimKey JobNamespaceId = new(GitLabClaimNames.JobNamespaceId);
        public static readonly ClaimKey JobNamespacePath = new(GitLabClaimNames.JobNamespacePath);
        public static readonly ClaimKey UserId = new(GitLabClaimNames.UserId);
        public static readonly ClaimKey UserLogin = new(GitLabClaimNames.UserLogin);
        public static readonly ClaimKey UserEmail = new(GitLabClaimNames.UserEmail);
        public static readonly ClaimKey UserAccessLevel = new(GitLabClaimNames.UserAccessLevel);
        public static readonly ClaimKey PipelineId = new(GitLabClaimNames.PipelineId);
        public static readonly ClaimKey PipelineSource = new(GitLabClaimNames.PipelineSource);
        public static readonly ClaimKey JobId = new(GitLabClaimNames.JobId);
        public static readonly ClaimKey Ref = new(GitLabClaimNames.Ref);
        public static readonly ClaimKey RefType = new(GitLabClaimNames.RefType);
        public static readonly ClaimKey RefPath = new(GitLabClaimNames.RefPath);
        public static readonly ClaimKey RefProtected = new(GitLabClaimNames.RefProtected);
        public static readonly ClaimKey Environment = new(GitLabClaimNames.Environment);
        public static readonly ClaimKey EnvironmentProtected = new(GitLabClaimNames.EnvironmentProtected);
        public static readonly ClaimKey DeploymentTier = new(GitLabClaimNames.DeploymentTier);
        public static readonly ClaimKey EnvironmentAction = new(GitLabClaimNames.EnvironmentAction);
        public static readonly ClaimKey RunnerId = new(GitLabClaimNames.RunnerId);
        public static readonly ClaimKey RunnerEnvironment = new(GitLabClaimNames.RunnerEnvironment);
        public static readonly ClaimKey Sha = new(GitLabClaimNames.Sha);
        public static readonly ClaimKey CiConfigRefUri = new(GitLabClaimNames.CiConfigRefUri);
        public static readonly ClaimKey CiConfigSha = new(GitLabClaimNames.CiConfigSha);
        public static readonly ClaimKey ProjectVisibility = new(GitLabClaimNames.ProjectVisibility);
        public static readonly ClaimKey Issuer = new(GitLabClaimNames.Issuer);
        public static readonly ClaimKey Audience = new(GitLabClaimNames.Audience);
        public static readonly ClaimKey Subject = new(GitLabClaimNames.Subject);

        /// <summary>The claims of a candidate, in the order they are added: with an environment, and without.</summary>
        public static readonly ClaimLayout WithEnvironment = new(
            NamespaceId, NamespacePath, ProjectId, ProjectPath, JobProjectId, JobProjectPath, JobNamespaceId, JobNamespacePath,
            UserId, UserLogin, UserEmail, UserAccessLevel, PipelineId, PipelineSource, JobId, Ref, RefType, RefPath, RefProtected,
            Environment, EnvironmentProtected, DeploymentTier, EnvironmentAction,
            RunnerId, RunnerEnvironment, Sha, CiConfigRefUri, CiConfigSha, ProjectVisibility, Issuer, Audience, Subject);

        public static readonly ClaimLayout WithoutEnvironment = new(
            [.. WithEnvironment.Keys.Where(k => k != Environment && k != EnvironmentProtected && k != DeploymentTier && k != EnvironmentAction)]);

        public static readonly CelValue PipelineIdValue = CelValue.Of("7000001");
        public static readonly CelValue JobIdValue = CelValue.Of("8000001");
        public static readonly CelValue RunnerIdValue = CelValue.Of(9001);
        public static readonly CelValue ShaValue = CelValue.Of(TokenFactory.Sha);
        public static readonly CelValue True = CelValue.Of("true");
        public static readonly CelValue False = CelValue.Of("false");
    }

    /// <summary>The issuer's host and path, as <c>ci_config_ref_uri</c> starts (worked out once per issuer: every search asks).</summary>
    internal static string Host(string issuer)
    {
        if (Hosts.TryGetValue(issuer, out var host))
        {
            return host;
        }

        host = Uri.TryCreate(issuer, UriKind.Absolute, out var uri) ? uri.Host + uri.AbsolutePath.TrimEnd('/') : issuer;
        if (Hosts.Count < MaxHosts)
        {
            Hosts.TryAdd(issuer, host);
        }

        return host;
    }

    // A run meets a few instances (gitlab.com, the organisation's own); the bound keeps a long-lived emulator's small.
    private const int MaxHosts = 64;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Hosts = new(StringComparer.Ordinal);
}
