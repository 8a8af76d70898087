using System.Text.Json.Nodes;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// The outcome of one scenario against one identity: a witness the trust admits (and the path it used), or none,
/// with how many candidates were checked and whether that covered every class of the atoms (<see cref="Complete"/>).
/// </summary>
public sealed record SearchResult
{
    public JsonObject? Witness { get; init; }

    public AttackPath? Path { get; init; }

    public required int Tried { get; init; }

    /// <summary>True when every predicate was in the supported fragment and every class combination was tried.</summary>
    public required bool Complete { get; init; }

    /// <summary>Why the search is not complete (predicates outside the fragment, a capped product).</summary>
    public IReadOnlyList<string> Gaps { get; init; } = [];

    /// <summary>GitLab defaults the scenario relied on because settings were not given.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];

    /// <summary>Admitted candidates the realizability check refused (a generator bug: tests hold it at zero).</summary>
    public int Rejected { get; init; }

    public bool Found => Witness is not null;
}
