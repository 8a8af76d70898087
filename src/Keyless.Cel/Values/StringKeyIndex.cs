using System.Numerics;

namespace Keyless.Cel;

/// <summary>
/// The index of a map whose keys are all strings (every JSON object, so every claim set): open addressing on
/// the key's cached hash, compared ordinally. A field select on claims is the commonest operation of a
/// condition, and this skips the general key comparer's type dispatch.
/// </summary>
internal sealed class StringKeyIndex
{
    private readonly int[] _slots;
    private readonly CelStringValue[] _keys;
    private readonly CelValue[] _values;
    private readonly int _mask;

    private StringKeyIndex(int[] slots, CelStringValue[] keys, CelValue[] values)
    {
        _slots = slots;
        _keys = keys;
        _values = values;
        _mask = slots.Length - 1;
    }

    /// <summary>The index, or null when some key is not a string. A repeated key keeps its last value.</summary>
    public static StringKeyIndex? TryCreate(KeyValuePair<CelValue, CelValue>[] entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Key is not CelStringValue)
            {
                return null;
            }
        }

        var keys = new CelStringValue[entries.Length];
        var values = new CelValue[entries.Length];
        var slots = new int[Math.Max(4, (int)BitOperations.RoundUpToPowerOf2((uint)entries.Length * 2))];
        var index = new StringKeyIndex(slots, keys, values);
        for (var i = 0; i < entries.Length; i++)
        {
            var key = (CelStringValue)entries[i].Key;
            keys[i] = key;
            values[i] = entries[i].Value;
            var slot = index.Find(key);
            if (slots[slot] == 0)
            {
                slots[slot] = i + 1;
            }
            else
            {
                values[slots[slot] - 1] = entries[i].Value;
            }
        }

        return index;
    }

    public bool TryGet(CelStringValue key, out CelValue value)
    {
        var entry = _slots[Find(key)];
        value = entry == 0 ? null! : _values[entry - 1];
        return entry != 0;
    }

    /// <summary>The slot that holds the key, or the empty slot where it would go (the table is at most half full).</summary>
    private int Find(CelStringValue key)
    {
        // The cached hash always has its low bit set (0 means "not computed"), so the slot comes from the bits above it.
        var hash = key.Hash;
        var slot = (hash >> 1) & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return slot;
            }

            var candidate = _keys[entry - 1];
            if (candidate.Hash == hash && string.Equals(candidate.Value, key.Value, StringComparison.Ordinal))
            {
                return slot;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
