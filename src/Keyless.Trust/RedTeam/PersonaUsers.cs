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
        var (login, member, levels) = Persona(scenario);

        // The project's own pipelines run as its members, whom the trust may name; attackers never are.
        var legit = scenario == AttackScenario.ProjectMaintainer;
        var logins = PersonaCapabilities.Distinct([login, .. legit ? candidates.PinnedLogins : [], .. candidates.Logins.Where(l => legit || !world.IsNamedLogin(l))]);
        var domains = Domains(member, world);
        var emails = PersonaCapabilities.Distinct([
            .. domains.Select(d => login + "@" + d),
            .. legit ? candidates.PinnedEmails : [],
            .. candidates.Emails.Where(e => legit || (!world.IsNamedEmail(e) && (member || !IsOrgAddress(e, world)))),
        ]);

        var users = new List<UserShape>();
        var id = FirstId;
        string NextId() => (id++).ToString(CultureInfo.InvariantCulture);
        foreach (var level in levels)
        {
            users.Add(new UserShape(login, emails[0], NextId(), level));
        }

        users.AddRange(emails.Skip(1).Select(e => new UserShape(login, e, NextId(), levels[0])));
        users.AddRange(logins.Skip(1).Select(l => new UserShape(l, l + "@" + domains[0], NextId(), levels[0])));
        return [.. users];
    }

    /// <summary>
    /// The first user <see cref="For"/> gives (the persona's own login and first address, its first role): all a search
    /// needs where the trust reads no user claim.
    /// </summary>
    public static UserShape First(AttackScenario scenario, GitLabWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var (login, member, levels) = Persona(scenario);
        return new UserShape(login, login + "@" + Domains(member, world)[0], FirstId.ToString(CultureInfo.InvariantCulture), levels[0]);
    }

    private const int FirstId = 8000001;

    /// <summary>The persona's login, whether it is a member of the organisation, and its roles in <c>project_*</c>.</summary>
    private static (string Login, bool Member, string?[] Levels) Persona(AttackScenario scenario) => scenario switch
    {
        AttackScenario.Anyone or AttackScenario.PathReclaimer => ("keyless-attacker", false, [GitLabUsers.Owner, GitLabUsers.Maintainer, GitLabUsers.Developer]),
        AttackScenario.GroupMember => ("keyless-member", true, [GitLabUsers.Maintainer, GitLabUsers.Developer]),
        AttackScenario.ForkContributor => ("keyless-parent-member", true, [null]),
        AttackScenario.ProjectMaintainer => ("keyless-maintainer", true, [GitLabUsers.Maintainer, GitLabUsers.Owner]),
        _ => ("keyless-developer", true, [GitLabUsers.Developer]),
    };

    /// <summary>The domains of the persona's addresses: the organisation's (sorted) for a member, else the attacker's own.</summary>
    private static string[] Domains(bool member, GitLabWorld world) =>
        member ? (world.OrgDomains.Count > 0 ? world.OrgDomains.Order(StringComparer.Ordinal).ToArray() : [UnknownOrgDomain]) : [AttackerDomain];

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
