using Keyless.Trust.Findings;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// The token sets the search tries: one per persona of spec §4, the developer split by what they abuse (a branch,
/// a tag, an environment name), plus the project's own maintainers (the legitimate tokens, for <c>diff</c>).
/// </summary>
public enum AttackScenario
{
    Anyone,
    GroupMember,
    ForkContributor,
    DeveloperBranch,
    DeveloperTag,
    DeveloperEnvironment,
    PathReclaimer,
    ProjectMaintainer,
}

public static class AttackScenarios
{
    /// <summary>The scenarios audit attacks with (maintainers are the victim, not an attacker).</summary>
    public static IReadOnlyList<AttackScenario> Attacks { get; } =
    [
        AttackScenario.Anyone, AttackScenario.GroupMember, AttackScenario.ForkContributor, AttackScenario.DeveloperTag,
        AttackScenario.DeveloperBranch, AttackScenario.DeveloperEnvironment, AttackScenario.PathReclaimer,
    ];

    public static Persona? PersonaOf(this AttackScenario scenario) => scenario switch
    {
        AttackScenario.Anyone => Persona.Anyone,
        AttackScenario.GroupMember => Persona.GroupMember,
        AttackScenario.ForkContributor => Persona.ForkContributor,
        AttackScenario.DeveloperBranch or AttackScenario.DeveloperTag or AttackScenario.DeveloperEnvironment => Persona.Developer,
        AttackScenario.PathReclaimer => Persona.PathReclaimer,
        _ => null,
    };
}
