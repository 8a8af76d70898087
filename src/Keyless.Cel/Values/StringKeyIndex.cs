using System.Numerics;

namespace Keyless.Cel;

/// <summary>
/// The index of a map whose keys are all strings (every JSON object, so every claim set): open addressing on
/// the key's cached hash, compared ordinally. A field select on claims is the commonest operation of a
/// condition, and this skips the general key comparer's type dispatch. The slots hold positions in the map's own
/// entries, which every lookup is given, so the index copies nothing, and maps with the same keys in the same order
/// share one (<see cref="CelKeyLayout"/>: the red-team makes a claims map per candidate, always with the same keys).
/// </summary>
internal sealed class StringKeyIndex
{
    private readonly int[] _slots;
    private readonly int _mask;

    private StringKeyIndex(int[] slots)
    {
        _slots = slots;
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
        var index = new StringKeyIndex(slots);
        for (var i = 0; i < entries.Length; i++)
        {
            // A new key takes its empty slot; a repeated one points its slot at the later entry.
            slots[index.Find(entries, (CelStringValue)entries[i].Key)] = i + 1;
        }

        return index;
    }

    /// <summary>Looks the key up in <paramref name="entries"/>, whose keys must be those the index was made of, in order.</summary>
    public bool TryGet(KeyValuePair<CelValue, CelValue>[] entries, CelStringValue key, out CelValue value)
    {
        var entry = _slots[Find(entries, key)];
        value = entry == 0 ? null! : entries[entry - 1].Value;
        return entry != 0;
    }

    /// <summary>The slot that holds the key, or the empty slot where it would go (the table is at most half full).</summary>
    private int Find(KeyValuePair<CelValue, CelValue>[] entries, CelStringValue key)
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

            var candidate = (CelStringValue)entries[entry - 1].Key;
            if (candidate.Hash == hash && string.Equals(candidate.Value, key.Value, StringComparison.Ordinal))
            {
                return slot;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
