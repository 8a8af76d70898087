using System.Text.Json.Nodes;

namespace Keyless.Cel;

internal sealed class CelListValue(CelValue[] items) : CelValue
{
    public static readonly CelListValue Empty = new([]);

    /// <summary>Never mutated after construction.</summary>
    public CelValue[] Items { get; } = items;

    public override CelType Type => CelType.List;

    public override JsonNode? ToJson() => new JsonArray([.. Items.Select(i => i.ToJson())]);

    public override bool TryGetList(out IReadOnlyList<CelValue> value)
    {
        value = Items;
        return true;
    }
}
