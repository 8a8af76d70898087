using System.Globalization;
using Keyless.Trust.Claims;
using Keyless.Trust.GitLab;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// The user claims each persona's pipeline carries. Attackers are other users: never a login or address the trust
/// names (they belong to someone), and an outsider's confirmed primary address is never at the organisation's domain.
/// Members of the organisation (a Developer, a group member, the parent member who starts a fork's pipeline) have an
/// address there. <c>user_access_level</c> is the user's role in <c>project_*</c>: Developer and up where they run
/// pipelines, none for the parent member in a fork's merge request pipeline.
/// </summary>
public static class PersonaUsers
{
    private const string AttackerDomain = "attacker.example";
    private const string UnknownOrgDomain = "org.example";

    public static UserShape[] For(AttackScenario scenario, Candidates candidates, GitLabWorld world)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(world);
        var (login, member, levels) = scenario switch
        {
            AttackScenario.Anyone or AttackScenario.PathReclaimer => ("keyless-attacker", false, new string?[] { GitLabUsers.Owner, GitLabUsers.Maintainer, GitLabUsers.Developer }),
            AttackScenario.GroupMember => ("keyless-member", true, new string?[] { GitLabUsers.Maintainer, GitLabUsers.Developer }),
            AttackScenario.ForkContributor => ("keyless-parent-member", true, new string?[] { null }),
            AttackScenario.ProjectMaintainer => ("keyless-maintainer", true, new string?[] { GitLabUsers.Maintainer, GitLabUsers.Owner }),
            _ => ("keyless-developer", true, new string?[] { GitLabUsers.Developer }),
        };

        // The project's own pipelines run as its members, whom the trust may name; attackers never are.
        var legit = scenario == AttackScenario.ProjectMaintainer;
        var logins = PersonaCapabilities.Distinct([login, .. legit ? candidates.PinnedLogins : [], .. candidates.Logins.Where(l => legit || !world.IsNamedLogin(l))]);
        var domains = member ? (world.OrgDomains.Count > 0 ? world.OrgDomains.Order(StringComparer.Ordinal).ToArray() : [UnknownOrgDomain]) : [AttackerDomain];
        var emails = PersonaCapabilities.Distinct([
            .. domains.Select(d => login + "@" + d),
            .. legit ? candidates.PinnedEmails : [],
            .. candidates.Emails.Where(e => legit || (!world.IsNamedEmail(e) && (member || !IsOrgAddress(e, world)))),
        ]);

        var users = new List<UserShape>();
        var id = 8000001;
        string NextId() => (id++).ToString(CultureInfo.InvariantCulture);
        foreach (var level in levels)
        {
            users.Add(new UserShape(login, emails[0], NextId(), level));
        }

        users.AddRange(emails.Skip(1).Select(e => new UserShape(login, e, NextId(), levels[0])));
        users.AddRange(logins.Skip(1).Select(l => new UserShape(l, l + "@" + domains[0], NextId(), levels[0])));
        return [.. users];
    }

    /// <summary>An address at the organisation's domain or a subdomain of it.</summary>
    private static bool IsOrgAddress(string email, GitLabWorld world) =>
        GitLabUsers.DomainOf(email) is { } domain
        && world.OrgDomains.Any(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    /// <summary>Logins and addresses harvested from one path's atoms.</summary>
    public sealed class Candidates(AtomSet atoms)
    {
        public IReadOnlyList<string> Logins { get; } = CandidateValues.For(atoms, GitLabClaimNames.UserLogin)
            .Where(l => GitLabPaths.IsValidNamespacePath(l) && !l.Contains('/', StringComparison.Ordinal)).ToArray();

        public IReadOnlyList<string> Emails { get; } = CandidateValues.For(atoms, GitLabClaimNames.UserEmail)
            .Select(e => e.StartsWith('@') ? "keyless" + e : e)
            .Where(e => GitLabUsers.DomainOf(e) is not null).ToArray();

        public IReadOnlyList<string> PinnedLogins { get; } = atoms.On(GitLabClaimNames.UserLogin).Where(a => a.Kind == AtomKind.Equals).Select(a => a.Literal).ToArray();

        public IReadOnlyList<string> PinnedEmails { get; } = atoms.On(GitLabClaimNames.UserEmail).Where(a => a.Kind == AtomKind.Equals).Select(a => a.Literal).ToArray();
    }
}
