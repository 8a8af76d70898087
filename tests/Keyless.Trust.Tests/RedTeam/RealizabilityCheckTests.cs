using System.Text.Json.Nodes;
using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.GitLab;
using Keyless.Trust.Model;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Tests.RedTeam;

/// <summary>
/// The realizability check refuses each kind of token GitLab could never mint for a persona, and says why, and
/// accepts the tokens GitLab does mint. Each refusal is one change to a token it accepts.
/// </summary>
public sealed class RealizabilityCheckTests
{
    private static readonly SourceRef Source = new("test", null);

    private static readonly VictimProject Victim = new()
    {
        Id = "4242", Path = "acme/payments", NamespaceId = "72", NamespacePath = "acme", IdKnown = true, PathKnown = true, NamespaceKnown = true,
        NamespaceIdKnown = true, Components = SubClaimRenderer.DefaultComponents, SettingsKnown = true,
        ProtectedBranches = [new GitLabProtectedRef { Pattern = "main", PushAccess = [GitLabAccessLevel.Maintainer], MergeAccess = [GitLabAccessLevel.Maintainer], Source = Source }],
        ProtectedEnvironments = [new GitLabProtectedEnvironment { Name = "production", DeployAccess = [GitLabAccessLevel.Maintainer], Source = Source }],
    };

    private static RealizabilityCheck Check()
    {
        var world = new GitLabWorld();
        world.AddProject("4242", "acme/payments", "72", "acme");
        world.NameNamespace("beta");
        world.NameLogin("alice");
        world.NameEmailDomain("acme.com");
        return new RealizabilityCheck(world);
    }

    /// <summary>A Developer's push to a feature branch of the victim.</summary>
    private static JsonObject DeveloperToken(Action<JsonObject>? change = null)
    {
        var claims = new JsonObject
        {
            ["namespace_id"] = "72", ["namespace_path"] = "acme", ["project_id"] = "4242", ["project_path"] = "acme/payments",
            ["job_project_id"] = "4242", ["job_project_path"] = "acme/payments", ["job_namespace_id"] = "72", ["job_namespace_path"] = "acme",
            ["user_id"] = "31", ["user_login"] = "dev", ["user_email"] = "dev@acme.com", ["user_access_level"] = "developer",
            ["pipeline_id"] = "1100", ["pipeline_source"] = "push", ["job_id"] = "50012", ["ref"] = "feature", ["ref_type"] = "branch",
            ["ref_path"] = "refs/heads/feature", ["ref_protected"] = "false", ["runner_id"] = 12, ["runner_environment"] = "gitlab-hosted",
            ["sha"] = "6e2b3c1f0a9d8e7c6b5a49382716e5d4c3b2a190", ["ci_config_ref_uri"] = "gitlab.com/acme/payments//.gitlab-ci.yml@refs/heads/feature",
            ["ci_config_sha"] = "6e2b3c1f0a9d8e7c6b5a49382716e5d4c3b2a190", ["project_visibility"] = "private",
            ["iss"] = "https://gitlab.com", ["aud"] = "https://gitlab.com",
        };
        change?.Invoke(claims);
        claims["sub"] = SubClaimRenderer.Render(claims);
        return claims;
    }

    /// <summary>An outsider's push in a group it created.</summary>
    private static JsonObject OutsiderToken(Action<JsonObject>? change = null) => DeveloperToken(c =>
    {
        (c["namespace_id"], c["namespace_path"], c["project_id"], c["project_path"]) = ("9000002", "acme-evil", "9000001", "acme-evil/app");
        (c["job_namespace_id"], c["job_namespace_path"], c["job_project_id"], c["job_project_path"]) = ("9000002", "acme-evil", "9000001", "acme-evil/app");
        (c["user_email"], c["user_access_level"]) = ("x@attacker.example", "owner");
        c["ci_config_ref_uri"] = "gitlab.com/acme-evil/app//.gitlab-ci.yml@refs/heads/feature";
        change?.Invoke(c);
    });

    private static Realizability As(Persona? persona, JsonObject claims) => Check().Check(claims, persona, Victim, GitLabInstance.GitLabCom);

    [Fact]
    public void Accepts_what_gitlab_mints()
    {
        Assert.True(As(Persona.Developer, DeveloperToken()).IsRealizable, As(Persona.Developer, DeveloperToken()).ToString());
        Assert.True(As(Persona.Anyone, OutsiderToken()).IsRealizable, As(Persona.Anyone, OutsiderToken()).ToString());
        var maintainer = DeveloperToken(c => (c["ref"], c["ref_path"], c["ref_protected"], c["user_access_level"], c["ci_config_ref_uri"]) =
            ("main", "refs/heads/main", "true", "maintainer", "gitlab.com/acme/payments//.gitlab-ci.yml@refs/heads/main"));
        Assert.True(As(null, maintainer).IsRealizable, As(null, maintainer).ToString());
    }

    public static TheoryData<string, Persona?, Func<JsonObject>> Refused() => new()
    {
        { "iss", Persona.Developer, () => DeveloperToken(c => c["iss"] = "https://gitlab.com/") },
        { "runner_id", Persona.Developer, () => DeveloperToken(c => c["runner_id"] = "12") },
        { "is not a database id", Persona.Developer, () => DeveloperToken(c => c["pipeline_id"] = "abc") },
        { "pipeline_source 'release'", Persona.Developer, () => DeveloperToken(c => c["pipeline_source"] = "release") },
        { "ref 'release/'", Persona.Developer, () => DeveloperToken(c => (c["ref"], c["ref_path"], c["ci_config_ref_uri"]) = ("release/", "refs/heads/release/", "gitlab.com/acme/payments//.gitlab-ci.yml@refs/heads/release/")) },
        { "ref_path", Persona.Developer, () => DeveloperToken(c => c["ref_path"] = "refs/tags/feature") },
        { "cannot push", Persona.Developer, () => DeveloperToken(c => (c["ref"], c["ref_path"], c["ref_protected"], c["ci_config_ref_uri"]) = ("main", "refs/heads/main", "true", "gitlab.com/acme/payments//.gitlab-ci.yml@refs/heads/main")) },
        { "ref_protected is \"false\"", Persona.Developer, () => DeveloperToken(c => c["ref_protected"] = "true") },
        { "merge request", Persona.Developer, () => DeveloperToken(c => (c["pipeline_source"], c["ref_protected"]) = ("merge_request_event", "true")) },
        { "deployment_tier 'prod'", Persona.Developer, () => DeveloperToken(c => (c["environment"], c["environment_protected"], c["deployment_tier"], c["environment_action"]) = ("review", "false", "prod", "start")) },
        { "environment 'review/'", Persona.Developer, () => DeveloperToken(c => (c["environment"], c["environment_protected"], c["deployment_tier"], c["environment_action"]) = ("review/", "false", "other", "start")) },
        { "environment_protected is \"true\"", Persona.Developer, () => DeveloperToken(c => (c["environment"], c["environment_protected"], c["deployment_tier"], c["environment_action"]) = ("production", "false", "production", "start")) },
        { "come only with environment", Persona.Developer, () => DeveloperToken(c => c["deployment_tier"] = "production") },
        { "user_access_level 'maintainer'", Persona.Developer, () => DeveloperToken(c => c["user_access_level"] = "maintainer") },
        { "someone the trust names", Persona.Developer, () => DeveloperToken(c => c["user_login"] = "alice") },
        { "runs pipelines in the victim project", Persona.Developer, () => OutsiderToken() },
        { "project_visibility is the project's own", Persona.Developer, () => DeveloperToken(c => c["project_visibility"] = "public") },
        { "does not lie directly in namespace", Persona.Developer, () => DeveloperToken(c => c["namespace_path"] = "acme/sub") },
        { "belongs to someone else", Persona.Anyone, () => OutsiderToken(c => (c["project_path"], c["job_project_path"], c["namespace_path"], c["job_namespace_path"], c["ci_config_ref_uri"]) = ("acme/evil", "acme/evil", "acme", "acme", "gitlab.com/acme/evil//.gitlab-ci.yml@refs/heads/feature")) },
        { "belongs to someone else", Persona.Anyone, () => OutsiderToken(c => (c["project_path"], c["job_project_path"], c["namespace_path"], c["job_namespace_path"], c["ci_config_ref_uri"]) = ("beta/x", "beta/x", "beta", "beta", "gitlab.com/beta/x//.gitlab-ci.yml@refs/heads/feature")) },
        { "needs new ids", Persona.Anyone, () => OutsiderToken(c => (c["project_id"], c["job_project_id"]) = ("4242", "4242")) },
        { "organisation's domain", Persona.Anyone, () => OutsiderToken(c => c["user_email"] = "x@acme.com") },
        { "no internal visibility", Persona.Anyone, () => OutsiderToken(c => c["project_visibility"] = "internal") },
        { "same project", Persona.Anyone, () => OutsiderToken(c => c["job_project_id"] = "9000003") },
        { "not rendered from any", Persona.Anyone, () => { var t = OutsiderToken(); t["sub"] = "project_path:acme/payments:ref_type:branch:ref:main"; return t; } },
        { "job_project_* must be the victim's", Persona.ForkContributor, () => OutsiderToken(c => (c["pipeline_source"], c["user_access_level"]) = ("merge_request_event", null)) },
        { "registers the victim's own path", Persona.PathReclaimer, () => OutsiderToken() },
        { "new project and namespace ids", Persona.PathReclaimer, () => DeveloperToken(c => c["user_access_level"] = "owner") },
        { "lies in 'acme' and is not the victim", Persona.GroupMember, () => DeveloperToken(c => c["user_access_level"] = "maintainer") },
        { "gitlab-hosted exists only on GitLab.com", null, () => DeveloperToken(c => c["user_access_level"] = "maintainer") },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_what_gitlab_never_mints_and_says_why(string why, Persona? persona, Func<JsonObject> token)
    {
        var claims = token();
        var instance = why.Contains("GitLab.com", StringComparison.Ordinal) ? GitLabInstance.ForIssuer("https://gitlab.acme.example") : GitLabInstance.GitLabCom;
        if (!instance.IsGitLabCom)
        {
            claims["iss"] = instance.Issuer;
            claims["ci_config_ref_uri"] = claims["ci_config_ref_uri"]!.GetValue<string>().Replace("gitlab.com/", "gitlab.acme.example/", StringComparison.Ordinal);
        }

        var result = Check().Check(claims, persona, Victim, instance);
        Assert.False(result.IsRealizable, $"{why}: accepted {claims.ToJsonString()}");
        Assert.Contains(result.Problems, p => p.Contains(why, StringComparison.Ordinal));
    }
}
