using System.Globalization;
using System.Text.Json.Nodes;

namespace Keyless.Cel;

/// <summary>A map keyed by bool, int, uint or string; numeric keys compare across int, uint and double.</summary>
internal sealed class CelMapValue : CelValue
{
    public static readonly CelMapValue Empty = new([], new Dictionary<CelValue, CelValue>(CelKeyComparer.Instance));

    // Exactly one of the two: maps keyed only by strings (JSON objects, claims) use the faster string index.
    private readonly Dictionary<CelValue, CelValue>? _index;
    private readonly StringKeyIndex? _strings;

    /// <param name="entries">The map's own entries.</param>
    /// <param name="index">The general index when the caller made it; null: made here when a key is not a string.</param>
    /// <param name="shared">An index of these very keys to share (<see cref="CelKeyLayout"/>); null: made here.</param>
    private CelMapValue(KeyValuePair<CelValue, CelValue>[] entries, Dictionary<CelValue, CelValue>? index, StringKeyIndex? shared = null)
    {
        Entries = entries;
        _strings = shared ?? StringKeyIndex.TryCreate(entries);
        _index = _strings is null ? index ?? Index(entries) : null;
    }

    public KeyValuePair<CelValue, CelValue>[] Entries { get; }

    public int Count => Entries.Length;

    public override CelType Type => CelType.Map;

    public static CelValue Create(IEnumerable<KeyValuePair<CelValue, CelValue>> entries)
    {
        var list = entries as KeyValuePair<CelValue, CelValue>[] ?? [.. entries];
        var index = new Dictionary<CelValue, CelValue>(list.Length, CelKeyComparer.Instance);
        foreach (var (key, value) in list)
        {
            if (key.IsError)
            {
                return key;
            }

            if (value.IsError)
            {
                return value;
            }

            if (key.Type is not (CelType.Bool or CelType.Int or CelType.Uint or CelType.String))
            {
                return Error("unsupported key type: " + key.Type.Name());
            }

            if (!index.TryAdd(key, value))
            {
                return Error("Failed with repeated key: " + key);
            }
        }

        return new CelMapValue(list, index);
    }

    /// <summary>For JSON objects, whose keys are strings and unique by construction.</summary>
    internal static CelMapValue FromOrderedUnique(IEnumerable<KeyValuePair<CelValue, CelValue>> entries) =>
        new([.. entries], null);

    /// <summary>As above, with the keys of <paramref name="layout"/> (checked), whose index the map shares.</summary>
    internal static CelMapValue WithLayout(CelKeyLayout layout, KeyValuePair<CelValue, CelValue>[] entries) =>
        layout.Fits(entries) ? new(entries, null, layout.Index) : throw new ArgumentException("the entries' keys are not the layout's", nameof(entries));

    /// <summary>The general index; a repeated key keeps its last value.</summary>
    private static Dictionary<CelValue, CelValue> Index(KeyValuePair<CelValue, CelValue>[] entries)
    {
        var index = new Dictionary<CelValue, CelValue>(entries.Length, CelKeyComparer.Instance);
        foreach (var (key, value) in entries)
        {
            index[key] = value;
        }

        return index;
    }

    /// <summary>A key of another kind never equals a string key, so a string-keyed map only needs string lookups.</summary>
    public bool TryGet(CelValue key, out CelValue value)
    {
        if (_strings is not null)
        {
            if (key is CelStringValue s)
            {
                return _strings.TryGet(Entries, s, out value);
            }

            value = null!;
            return false;
        }

        return _index!.TryGetValue(key, out value!);
    }

    public bool TryGet(string key, out CelValue value) => TryGet(new CelStringValue(key), out value);

    public override JsonNode? ToJson()
    {
        var obj = new JsonObject();
        foreach (var (key, value) in Entries)
        {
            var name = key switch
            {
                CelStringValue s => s.Value,
                CelIntValue i => i.Value.ToString(CultureInfo.InvariantCulture),
                CelUintValue u => u.Value.ToString(CultureInfo.InvariantCulture),
                CelBoolValue b => b.Value ? "true" : "false",
                _ => key.ToString(),
            };
            obj[name] = value.ToJson();
        }

        return obj;
    }

    public override bool TryGetMap(out IReadOnlyList<KeyValuePair<CelValue, CelValue>> value)
    {
        value = Entries;
        return true;
    }
}
