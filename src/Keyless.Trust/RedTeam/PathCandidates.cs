using Keyless.Trust.Claims;
using Keyless.Trust.GitLab;

namespace Keyless.Trust.RedTeam;

/// <summary>The values a path offers every scenario: candidates harvested from its atoms, around its victim.</summary>
public sealed class PathCandidates
{
    public PathCandidates(AttackPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var victim = path.Victim;
        var atoms = path.Atoms;
        ProjectPaths = ProjectCandidates.Paths(victim, atoms);
        RefNames = RefCandidates(victim, atoms);
        EnvironmentNames = PersonaCapabilities.Distinct([.. CandidateValues.For(atoms, GitLabClaimNames.Environment), "production", "keyless-review",
            .. victim.ProtectedEnvironments.Select(e => e.Name)]).Where(GitLabEnvironments.IsValidName).ToList();
        VictimComponents = [victim.Components];
        OwnProjectComponents = SubComponentChoices(victim, atoms);
        UserCandidates = new PersonaUsers.Candidates(atoms);

        // Where the trust never reads pipeline_source, one source stands for all: every other claim is the same.
        ReadsSource = atoms.ClaimsRead.Contains(GitLabClaimNames.PipelineSource);
    }

    public bool ReadsSource { get; }

    public List<string> ProjectPaths { get; }

    public List<string> RefNames { get; }

    public List<string> EnvironmentNames { get; }

    public IReadOnlyList<IReadOnlyList<string>> VictimComponents { get; }

    public IReadOnlyList<IReadOnlyList<string>> OwnProjectComponents { get; }

    public PersonaUsers.Candidates UserCandidates { get; }

    private static List<string> RefCandidates(VictimProject victim, AtomSet atoms)
    {
        var names = new List<string> { victim.DefaultBranch, "keyless-feature" };
        names.AddRange(CandidateValues.For(atoms, GitLabClaimNames.Ref));
        foreach (var refPath in CandidateValues.For(atoms, GitLabClaimNames.RefPath))
        {
            foreach (var prefix in new[] { "refs/heads/", "refs/tags/" })
            {
                if (refPath.StartsWith(prefix, StringComparison.Ordinal) && refPath.Length > prefix.Length)
                {
                    names.Add(refPath[prefix.Length..]);
                }
            }
        }

        foreach (var rule in victim.ProtectedBranches.Concat(victim.ProtectedTags))
        {
            names.Add(rule.Pattern.Replace("*", "x", StringComparison.Ordinal));
            names.Add(rule.Pattern.Replace("*", string.Empty, StringComparison.Ordinal) + "-evil");
        }

        // A literal that is no valid ref ('release/') becomes one that starts the same way ('release/x').
        var fixedUp = names.Select(n => GitRefNames.IsValid(n) ? n : GitRefNames.IsValid(n + "x") ? n + "x" : n);
        return PersonaCapabilities.Distinct(fixedUp.Where(GitRefNames.IsValid));
    }

    /// <summary>In their own project a persona chooses <c>ci_id_token_sub_claim_components</c> (any list GitLab accepts).</summary>
    private static List<IReadOnlyList<string>> SubComponentChoices(VictimProject victim, AtomSet atoms)
    {
        var components = new List<IReadOnlyList<string>> { victim.Components };
        foreach (var atom in atoms.On(GitLabClaimNames.Subject))
        {
            if (SubPatterns.Components(atom.Literal) is { Count: > 0 } c && SubClaimRenderer.Validate(c) is null && !components.Any(x => x.SequenceEqual(c)))
            {
                components.Add(c);
            }
        }

        if (!components.Any(x => x.SequenceEqual(SubClaimRenderer.DefaultComponents)))
        {
            components.Add(SubClaimRenderer.DefaultComponents);
        }

        return components;
    }
}
