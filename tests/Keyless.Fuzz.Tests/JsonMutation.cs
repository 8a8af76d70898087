using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keyless.Fuzz.Tests;

/// <summary>
/// Mutations that keep the JSON well-formed but change its meaning: a value of the wrong type at any path, a
/// duplicate key, a huge string. Inputs that no longer parse (after a text mutation) are left as they are.
/// </summary>
internal sealed record WrongType(int PathIndex, int Kind) : Mutation
{
    public override string Apply(string input) => JsonEdit.Edit(input, PathIndex, (parent, key, _) => JsonEdit.Set(parent, key, JsonEdit.Value(Kind)));
}

/// <summary>Adds a second member with an existing name (and a value of another type) to one object.</summary>
internal sealed record DuplicateKey(int PathIndex, int Kind) : Mutation
{
    private const string Marker = "__keyless_fuzz_duplicate__";

    public override string Apply(string input)
    {
        string? name = null;
        var edited = JsonEdit.Edit(input, PathIndex, (parent, key, _) =>
        {
            if (parent is JsonObject o && key is string k && name is null)
            {
                name = k;
                o[Marker] = JsonEdit.Value(Kind);
            }
        });
        return name is null ? edited : edited.Replace(JsonSerializer.Serialize(Marker), JsonSerializer.Serialize(name), StringComparison.Ordinal);
    }
}

internal static class JsonEdit
{
    private static readonly JsonDocumentOptions Lenient = new() { MaxDepth = 512 };

    public static string Edit(string input, int pathIndex, Action<JsonNode, object, JsonNode?> change)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(input, documentOptions: Lenient);
        }
        catch (JsonException)
        {
            return input;
        }

        if (root is null)
        {
            return input;
        }

        var slots = new List<(JsonNode Parent, object Key, JsonNode? Value)>();
        try
        {
            Collect(root, slots, 0);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Duplicate keys or a broken surrogate escape from an earlier mutation: System.Text.Json objects cannot
            // hold them; leave the text as it is.
            return input;
        }

        if (slots.Count == 0)
        {
            return input;
        }

        var (parent, key, value) = slots[pathIndex % slots.Count];
        try
        {
            change(parent, key, value);
            return root.ToJsonString();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return input;
        }
    }

    public static void Set(JsonNode parent, object key, JsonNode? value)
    {
        switch (parent, key)
        {
            case (JsonObject o, string name):
                o[name] = value;
                break;
            case (JsonArray a, int index):
                a[index] = value;
                break;
        }
    }

    /// <summary>A value of one of many shapes: the wrong type for almost any path.</summary>
    public static JsonNode? Value(int kind) => (kind % 14) switch
    {
        0 => null,
        1 => JsonValue.Create(true),
        2 => JsonValue.Create(-1),
        3 => JsonValue.Create(1e308),
        4 => JsonValue.Create(long.MaxValue),
        5 => JsonValue.Create(string.Empty),
        6 => JsonValue.Create(new string('x', 100_000)),
        7 => JsonValue.Create("\u0000\uFFFF\u202E𝔘 ü \\ \" '"),
        8 => new JsonArray(),
        9 => new JsonObject(),
        10 => new JsonArray(JsonValue.Create("a"), JsonValue.Create(1), null, new JsonObject()),
        11 => new JsonObject { ["a"] = new JsonObject { ["b"] = new JsonArray(JsonValue.Create("c")) } },
        12 => JsonValue.Create("projects/-/locations/../workloadIdentityPools/*"),
        _ => JsonValue.Create("${{ 1 + 1 }} $(id) %s %n {{x}}"),
    };

    private static void Collect(JsonNode node, List<(JsonNode, object, JsonNode?)> slots, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToArray())
                {
                    slots.Add((o, name, child));
                    if (child is not null)
                    {
                        Collect(child, slots, depth + 1);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add((a, i, a[i]));
                    if (a[i] is { } child)
                    {
                        Collect(child, slots, depth + 1);
                    }
                }

                break;
        }
    }
}
