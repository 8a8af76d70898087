using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Tests.RedTeam;

public sealed class SubPatternsTests
{
    [Fact]
    public void A_wildcard_subject_becomes_atoms_on_each_component()
    {
        var atoms = new AtomSet();
        SubPatterns.Decompose(new ClaimAtom("sub", AtomKind.Wildcard, "project_path:acme/*:ref_type:branch:ref:main"), atoms);
        Assert.Contains(new ClaimAtom("project_path", AtomKind.Wildcard, "acme/*"), atoms.Atoms);
        Assert.Contains(new ClaimAtom("ref_type", AtomKind.Equals, "branch"), atoms.Atoms);
        Assert.Contains(new ClaimAtom("ref", AtomKind.Equals, "main"), atoms.Atoms);
    }

    [Fact]
    public void Components_are_read_from_an_exact_subject()
    {
        Assert.Equal(["project_id", "ref_type", "ref"], SubPatterns.Components("project_id:4242:ref_type:branch:ref:main"));
        Assert.Null(SubPatterns.Components("repo:octo/app:ref:refs/heads/main"));
    }
}
