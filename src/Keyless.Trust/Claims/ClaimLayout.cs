using System.Collections.Frozen;
using Keyless.Cel;

namespace Keyless.Trust.Claims;

/// <summary>
/// The claims a <see cref="ClaimTable"/> holds, in order: tokens built in code have one of a few fixed layouts, so
/// the CEL index of their claims map is made once per layout instead of once per token.
/// </summary>
internal sealed class ClaimLayout
{
    public ClaimLayout(params ClaimKey[] keys)
    {
        Keys = keys;
        Cel = new CelKeyLayout([.. keys.Select(k => k.Cel)]);
        _positions = keys.Select((k, i) => KeyValuePair.Create(k.Name, i)).ToFrozenDictionary(StringComparer.Ordinal);
    }

    // The oracle asks a candidate for a claim by name several times per provider (iss, aud, exp, ...).
    private readonly FrozenDictionary<string, int> _positions;

    /// <summary>The claim's place in the layout, or -1.</summary>
    public int PositionOf(string name) => _positions.TryGetValue(name, out var i) ? i : -1;

    public ClaimKey[] Keys { get; }

    public CelKeyLayout Cel { get; }
}
