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
    private readonly CelValue[] _keys;
    private readonly string[] _names;
    private readonly CelValue[] _values;
    private int _count;

    public ClaimTable(int capacity)
    {
        _keys = new CelValue[capacity];
        _names = new string[capacity];
        _values = new CelValue[capacity];
    }

    public IEnumerable<string> Names => _names.Take(_count);

    /// <summary>Adds a claim not yet present; <paramref name="key"/> is its name as a CEL string, made once and shared.</summary>
    public void Add(ClaimKey key, CelValue value)
    {
        _keys[_count] = key.Cel;
        _names[_count] = key.Name;
        _values[_count++] = value;
    }

    public void Add(ClaimKey key, string? value) => Add(key, value is null ? CelValue.Null : CelValue.Of(value));

    /// <summary>The claim's value, or null when absent (a claim that is JSON null reads as <see cref="CelValue.Null"/>).</summary>
    public CelValue? Get(string name)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                return _values[i];
            }
        }

        return null;
    }

    /// <summary>The CEL map <see cref="CelValue.FromJson(JsonNode?)"/> makes of <see cref="ToJson"/>.</summary>
    public CelValue ToCel() => CelValue.FromUniqueStringKeys(_keys.AsSpan(0, _count), _values.AsSpan(0, _count));

    public JsonObject ToJson()
    {
        var claims = new JsonObject();
        for (var i = 0; i < _count; i++)
        {
            claims[_names[i]] = Node(_values[i]);
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
