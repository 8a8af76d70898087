namespace Keyless.Trust.RedTeam;

/// <summary>Whether GitLab could mint a token for a persona, and if not, every reason why not.</summary>
public sealed record Realizability(IReadOnlyList<string> Problems)
{
    public static Realizability Yes { get; } = new([]);

    public bool IsRealizable => Problems.Count == 0;

    public override string ToString() => IsRealizable ? "realizable" : string.Join("; ", Problems);
}
