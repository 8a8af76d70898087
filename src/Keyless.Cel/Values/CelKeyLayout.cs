namespace Keyless.Cel;

/// <summary>
/// The string keys of maps built many times over with the same keys in the same order (the red-team's candidate
/// claims), indexed once: a map made with <see cref="CelValue.FromLayout"/> holds only its entries.
/// </summary>
public sealed class CelKeyLayout
{
    private readonly CelValue[] _keys;

    /// <param name="keys">String keys, each once; the maps' entries carry these very instances, in this order.</param>
    public CelKeyLayout(IReadOnlyList<CelValue> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [.. keys];
        var entries = new KeyValuePair<CelValue, CelValue>[_keys.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] is not CelStringValue s || !seen.Add(s.Value))
            {
                throw new ArgumentException($"key {i} is not a string or is repeated", nameof(keys));
            }

            entries[i] = new(_keys[i], CelValue.Null);
        }

        Index = StringKeyIndex.TryCreate(entries)!;
    }

    internal StringKeyIndex Index { get; }

    /// <summary>Whether the entries carry this layout's keys, in its order (the same instances).</summary>
    internal bool Fits(KeyValuePair<CelValue, CelValue>[] entries)
    {
        if (entries.Length != _keys.Length)
        {
            return false;
        }

        for (var i = 0; i < entries.Length; i++)
        {
            if (!ReferenceEquals(entries[i].Key, _keys[i]))
            {
                return false;
            }
        }

        return true;
    }
}
