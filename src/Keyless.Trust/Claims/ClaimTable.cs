using System.Text.Json.Nodes;
using Keyless.Cel;

namespace Keyless.Trust.Claims;

/// <summary>
/// Claims held as CEL values in the order they were added, for tokens built in code by the hundred thousand (the
/// red-team's candidates): the oracle reads them as the CEL map directly, and only a token that is reported becomes a
/// <see cref="JsonObject"/> (<see cref="ToJson"/>: the same claims, order and JSON types as one built as JSON).
/// </summary>
internal sealed class ClaimTable
{
    private readonly ClaimLayout _layout;
    // The CEL map's own entries: ToCel hands them over as they are, with the layout's index.
    private readonly KeyValuePair<CelValue, CelValue>[] _entries;
    private int _count;

    /// <param name="layout">The claims the table will hold, in order; <see cref="Add(ClaimKey, CelValue)"/> follows it.</param>
    public ClaimTable(ClaimLayout layout)
    {
        _layout = layout;
        _entries = new KeyValuePair<CelValue, CelValue>[layout.Keys.Length];
    }

    public IEnumerable<string> Names => _layout.Keys.Take(_count).Select(k => k.Name);

    /// <summary>Adds the layout's next claim; <paramref name="key"/> must be it (its CEL string is made once and shared).</summary>
    public void Add(ClaimKey key, CelValue value)
    {
        if (_count == _entries.Length || !ReferenceEquals(_layout.Keys[_count], key))
        {
            throw new InvalidOperationException($"claim '{key.Name}' is not the layout's next");
        }

        _entries[_count++] = new(key.Cel, value);
    }

    public void Add(ClaimKey key, string? value) => Add(key, value is null ? CelValue.Null : CelValue.Of(value));

    /// <summary>The claim's value, or null when absent (a claim that is JSON null reads as <see cref="CelValue.Null"/>).</summary>
    public CelValue? Get(string name)
    {
        var i = _layout.PositionOf(name);
        return i >= 0 && i < _count ? _entries[i].Value : null;
    }

    /// <summary>The CEL map <see cref="CelValue.FromJson(JsonNode?)"/> makes of <see cref="ToJson"/>.</summary>
    /// <remarks>Once every claim of the layout is added; the map then shares the table's entries (add nothing after).</remarks>
    public CelValue ToCel() => _count == _entries.Length ? CelValue.FromLayout(_layout.Cel, _entries)
        : throw new InvalidOperationException($"{_entries.Length - _count} claims of the layout are missing");

    public JsonObject ToJson()
    {
        var claims = new JsonObject();
        for (var i = 0; i < _count; i++)
        {
            claims[_layout.Keys[i].Name] = Node(_entries[i].Value);
        }

        return claims;
    }

    /// <summary>As JSON; an integer that fits stays an int, as a number written in C# would be.</summary>
    public static JsonNode? Node(CelValue value) =>
        value.TryGetInt(out var l) && l is >= int.MinValue and <= int.MaxValue ? JsonValue.Create((int)l) : value.ToJson();
}

/// <summary>A claim's name with its CEL string, made once: CEL caches a string's hash on the instance.</summary>
internal sealed record ClaimKey(string Name)
{
    public CelValue Cel { get; } = CelValue.Of(Name);
}
