namespace Keyless.Trust.Findings;

/// <summary>Who can make GitLab mint the token of a finding (spec §4).</summary>
public enum Persona
{
    Anyone,
    GroupMember,
    Developer,
    ForkContributor,
    PathReclaimer,
}
