namespace Keyless.Trust.RedTeam;

/// <summary>
/// What the trust of one attack path applies to claims: the atoms, every claim it reads, and whether every
/// predicate stayed inside the supported fragment (only then is a search over the atoms' classes complete).
/// </summary>
public sealed class AtomSet
{
    // An audit holds the atoms of every attack path (11,000 identities x 10 providers): a path's few atoms are told
    // apart by a scan, and only a long list gets a set.
    private const int ScanUpTo = 16;

    private readonly List<ClaimAtom> _atoms = [];
    private HashSet<ClaimAtom>? _seen;

    // Shared with the set this one was copied from until either reads a claim the other does not (copy on write):
    // every path through a provider reads what the provider reads, and its bindings rarely add a claim.
    private HashSet<string> _read = new(StringComparer.Ordinal);
    private bool _readShared;
    private readonly List<string> _outside = [];
    private readonly List<ClaimAtom> _pins = [];
    private IReadOnlyList<string>? _coverageGaps;

    public IReadOnlyList<ClaimAtom> Atoms => _atoms;

    /// <summary>The atoms grouped by claim, in order, worked out once after the atoms are in (every search of the path reads it).</summary>
    internal IReadOnlyDictionary<string, ClaimAtom[]> ByClaim => _byClaim ??= _atoms
        .GroupBy(a => a.Claim, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private Dictionary<string, ClaimAtom[]>? _byClaim;

    public IReadOnlySet<string> ClaimsRead => _read;

    /// <summary>Predicates outside the fragment, in words; empty when the search can be complete.</summary>
    public IReadOnlyList<string> Outside => _outside;

    public bool Exact => _outside.Count == 0;

    /// <summary>Where a search over these atoms cannot be exhaustive (<see cref="SearchCoverage"/>), worked out once, after the atoms are in.</summary>
    internal IReadOnlyList<string> CoverageGaps => _coverageGaps ??= SearchCoverage.Compute(this);

    /// <summary>
    /// Atoms in positive position (not under <c>!</c>, not a <c>!=</c>; an exact subject, an IAM principal, a flexible
    /// clause). Their equalities name the victim; a positive prefix or wildcard only suggests one when nothing is
    /// pinned exactly, and a <c>!=</c> or a <c>contains</c> never does.
    /// </summary>
    public IReadOnlyList<ClaimAtom> Pins => _pins;

    /// <summary>A copy to go on adding to: the same atoms, reads, gaps and pins, in the same order.</summary>
    internal AtomSet Copy()
    {
        var copy = new AtomSet();
        copy._atoms.AddRange(_atoms);
        copy._seen = _seen is null ? null : new HashSet<ClaimAtom>(_seen);
        copy._read = _read;
        copy._readShared = _readShared = true;
        copy._outside.AddRange(_outside);
        copy._pins.AddRange(_pins);
        return copy;
    }

    public void Pin(ClaimAtom atom)
    {
        ArgumentNullException.ThrowIfNull(atom);
        if (!_pins.Contains(atom))
        {
            _pins.Add(atom);
        }
    }

    public void Add(ClaimAtom atom)
    {
        Read(atom.Claim);
        if (IsNew(atom))
        {
            _atoms.Add(atom);
        }
    }

    private bool IsNew(ClaimAtom atom)
    {
        if (_seen is null && _atoms.Count < ScanUpTo)
        {
            return !_atoms.Contains(atom);
        }

        _seen ??= [.. _atoms];
        return _seen.Add(atom);
    }

    public void Read(string claim)
    {
        if (_read.Contains(claim))
        {
            return;
        }

        if (_readShared)
        {
            _read = new HashSet<string>(_read, StringComparer.Ordinal);
            _readShared = false;
        }

        _read.Add(claim);
    }

    public void NotInFragment(string what)
    {
        if (!_outside.Contains(what))
        {
            _outside.Add(what);
        }
    }

    public IEnumerable<ClaimAtom> On(string claim) => _atoms.Where(a => a.Claim == claim);
}
