using System.Numerics;

namespace Keyless.Cel;

/// <summary>
/// The index of a map whose keys are all strings (every JSON object, so every claim set): open addressing on
/// the key's cached hash, compared ordinally. A field select on claims is the commonest operation of a
/// condition, and this skips the general key comparer's type dispatch. The slots point into the map's own entries,
/// so the index adds one small array to a map and copies nothing (the red-team makes a claims map per candidate).
/// </summary>
internal sealed class StringKeyIndex
{
    private readonly int[] _slots;
    private readonly KeyValuePair<CelValue, CelValue>[] _entries;
    private readonly int _mask;

    private StringKeyIndex(int[] slots, KeyValuePair<CelValue, CelValue>[] entries)
    {
        _slots = slots;
        _entries = entries;
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

        var slots = new int[Math.Max(4, (int)BitOperations.RoundUpToPowerOf2((uint)entries.Length * 2))];
        var index = new StringKeyIndex(slots, entries);
        for (var i = 0; i < entries.Length; i++)
        {
            // A new key takes its empty slot; a repeated one points its slot at the later entry.
            slots[index.Find((CelStringValue)entries[i].Key)] = i + 1;
        }

        return index;
    }

    public bool TryGet(CelStringValue key, out CelValue value)
    {
        var entry = _slots[Find(key)];
        value = entry == 0 ? null! : _entries[entry - 1].Value;
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

            var candidate = (CelStringValue)_entries[entry - 1].Key;
            if (candidate.Hash == hash && string.Equals(candidate.Value, key.Value, StringComparison.Ordinal))
            {
                return slot;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
