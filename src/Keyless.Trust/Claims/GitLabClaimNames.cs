namespace Keyless.Trust.Claims;

/// <summary>
/// The claim names of a GitLab CI <c>id_tokens</c> JWT, as GitLab mints them (lib/gitlab/ci/jwt_v2.rb).
/// Every other part of Keyless names claims through these constants, never through literals.
/// </summary>
public static class GitLabClaimNames
{
    // Registered JWT claims.
    public const string Issuer = "iss";
    public const string Subject = "sub";
    public const string Audience = "aud";
    public const string Expires = "exp";
    public const string NotBefore = "nbf";
    public const string IssuedAt = "iat";
    public const string JwtId = "jti";

    // Project and namespace of the pipeline (the source project in merge request pipelines).
    public const string NamespaceId = "namespace_id";
    public const string NamespacePath = "namespace_path";
    public const string ProjectId = "project_id";
    public const string ProjectPath = "project_path";

    // The project the job runs in (18.4+); the parent project for fork merge request pipelines.
    public const string JobProjectId = "job_project_id";
    public const string JobProjectPath = "job_project_path";
    public const string JobNamespaceId = "job_namespace_id";
    public const string JobNamespacePath = "job_namespace_path";

    // The merge request's source project (MR !258245).
    public const string SourceProjectId = "source_project_id";
    public const string SourceProjectPath = "source_project_path";
    public const string SourceNamespaceId = "source_namespace_id";
    public const string SourceNamespacePath = "source_namespace_path";

    // The user who triggered the pipeline.
    public const string UserId = "user_id";
    public const string UserLogin = "user_login";
    public const string UserEmail = "user_email";
    public const string UserAccessLevel = "user_access_level";
    public const string UserIdentities = "user_identities";
    public const string GroupsDirect = "groups_direct";

    // Pipeline and job.
    public const string PipelineId = "pipeline_id";
    public const string PipelineSource = "pipeline_source";
    public const string JobId = "job_id";
    public const string Ref = "ref";
    public const string RefType = "ref_type";
    public const string RefPath = "ref_path";
    public const string RefProtected = "ref_protected";
    public const string Sha = "sha";

    // Present only when the job declares environment:.
    public const string Environment = "environment";
    public const string EnvironmentProtected = "environment_protected";
    public const string DeploymentTier = "deployment_tier";
    public const string EnvironmentAction = "environment_action";

    // Runner.
    public const string RunnerId = "runner_id";
    public const string RunnerEnvironment = "runner_environment";

    // Pipeline configuration.
    public const string CiConfigRefUri = "ci_config_ref_uri";
    public const string CiConfigSha = "ci_config_sha";
    public const string ProjectVisibility = "project_visibility";
    public const string JobSource = "job_source";
    public const string JobConfig = "job_config";
}
