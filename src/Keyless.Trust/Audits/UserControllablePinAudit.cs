using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>
/// The only pins are claims users control: <c>user_login</c> and <c>user_email</c> (changeable, GitLab says never the
/// only condition), or an environment name without <c>environment_protected</c> (written in YAML).
/// </summary>
public sealed class UserControllablePinAudit : AuditRule
{
    private static readonly HashSet<string> Identifying = new(StringComparer.Ordinal)
    {
        GitLabClaimNames.ProjectId, GitLabClaimNames.ProjectPath, GitLabClaimNames.NamespaceId, GitLabClaimNames.NamespacePath,
        GitLabClaimNames.JobProjectId, GitLabClaimNames.JobProjectPath, GitLabClaimNames.JobNamespaceId, GitLabClaimNames.JobNamespacePath,
        GitLabClaimNames.Subject, GitLabClaimNames.RefProtected, GitLabClaimNames.EnvironmentProtected, GitLabClaimNames.CiConfigRefUri,
    };

    private static readonly HashSet<string> UserControlled = new(StringComparer.Ordinal)
    {
        GitLabClaimNames.UserLogin, GitLabClaimNames.UserEmail, GitLabClaimNames.Environment, GitLabClaimNames.DeploymentTier,
    };

    public override string Id => "user-controllable-pin";

    public override string Summary => "The trust pins only claims users control (user_login, user_email, an unprotected environment name).";

    public override Severity DefaultSeverity => Severity.High;

    /// <summary>It reads each identity's attack paths alone, so it runs while they are held (<see cref="AuditRun"/>).</summary>
    public override bool RunsPerIdentity => true;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var identity in context.Identities)
        {
            foreach (var path in context.Engine.Paths(identity))
            {
                var pinned = path.Atoms.Atoms.Select(a => a.Claim).ToHashSet(StringComparer.Ordinal);
                var user = pinned.Where(UserControlled.Contains).ToArray();
                if (user.Length == 0 || pinned.Overlaps(Identifying))
                {
                    continue;
                }

                yield return Static(identity.Name,
                    $"{path.Label} pins only {string.Join(", ", user)}: users choose these (a login or email can be changed, an environment name is written in YAML), and nothing pins the project.",
                    $"Pin the project and the protected ref: assertion.project_id == '{path.Victim.FixId}' && assertion.ref_protected == 'true'; for environments add assertion.environment_protected == 'true' and protect the environment in GitLab.",
                    path.Source);
            }
        }
    }
}
