using Keyless.Trust.Claims;
using Keyless.Trust.Model;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Tests.RedTeam;

public sealed class VictimResolverTests
{
    private static readonly TrustSet Trust = new()
    {
        GitLabProjects = [new GitLabProject { Id = "1", Path = "acme/a", Source = new("a.json", "$") }, new GitLabProject { Id = "2", Path = "acme/b", Source = new("b.json", "$") }],
    };

    private static AtomSet Pins(params (string Claim, string Literal)[] pins)
    {
        var atoms = new AtomSet();
        foreach (var (claim, literal) in pins)
        {
            var atom = new ClaimAtom(claim, AtomKind.Equals, literal);
            atoms.Add(atom);
            atoms.Pin(atom);
        }

        return atoms;
    }

    [Fact]
    public void Should_Take_The_First_Project_Input_Among_Those_Whose_Paths_The_Trust_Pins()
    {
        // project_path == 'acme/b' || project_path == 'acme/a': the order of the condition does not choose.
        var victim = VictimResolver.Resolve(Trust, Pins((GitLabClaimNames.ProjectPath, "acme/b"), (GitLabClaimNames.ProjectPath, "acme/a")));

        Assert.Equal("acme/a", victim.Path);
    }

    [Fact]
    public void Should_Prefer_A_Pinned_Id_To_A_Pinned_Path()
    {
        var victim = VictimResolver.Resolve(Trust, Pins((GitLabClaimNames.ProjectPath, "acme/a"), (GitLabClaimNames.ProjectId, "2")));

        Assert.Equal("acme/b", victim.Path);
    }
}
