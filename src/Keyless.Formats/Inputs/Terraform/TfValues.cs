using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>Typed, unknown-aware reads of a Terraform resource's attributes; type errors name the JSON path.</summary>
internal sealed class TfValues(TerraformResource resource)
{
    public TerraformResource Resource { get; } = resource;

    public SourceRef Source => Resource.Input.Ref(Resource.JsonPath);

    public bool IsUnknown(string attribute) => Resource.Unknown.Contains(attribute);

    /// <summary>
    /// A string attribute; null when unknown, absent, null or empty (the plugin SDKs before the framework store an unset
    /// string as <c>""</c>, so in a state an empty string means "not set").
    /// </summary>
    public string? Str(string name) =>
        IsUnknown(name) ? null : Resource.Input.Str(Resource.Values, name, Resource.ValuesPath) is { Length: > 0 } s ? s : null;

    /// <summary>An id some producers write as a number (the GitLab provider's <c>namespace_id</c>, a .tf.json's <c>project = 4242</c>).</summary>
    public string? Id(string name) =>
        IsUnknown(name) ? null : Resource.Input.Id(Resource.Values, name, Resource.ValuesPath) is { Length: > 0 } s ? s : null;

    /// <summary>
    /// Whether an id attribute is set: a number or a string, neither null nor the SDK's zero value (<c>0</c>, <c>""</c>);
    /// GitLab ids start at 1.
    /// </summary>
    public bool HasId(string name) => Id(name) is { } id && id != "0";

    public bool Bool(string name) => !IsUnknown(name) && Resource.Values[name] is not null && Resource.Input.Bool(Resource.Values, name, Resource.ValuesPath);

    public IReadOnlyList<string> StrList(string name) => IsUnknown(name) ? [] : Resource.Input.StrList(Resource.Values, name, Resource.ValuesPath);

    public Dictionary<string, string> StrMap(string name) =>
        IsUnknown(name) ? new(StringComparer.Ordinal) : Resource.Input.StrMap(Resource.Values, name, Resource.ValuesPath);

    /// <summary>A nested block: Terraform JSON writes blocks as arrays of objects (a .tf.json may write one object).</summary>
    public IReadOnlyList<TfValues> Blocks(string name)
    {
        var node = Resource.Values[name];
        if (node is null)
        {
            return [];
        }

        var path = JsonInput.Child(Resource.ValuesPath, name);
        if (node is JsonObject single)
        {
            return [Nested(name, single, path)];
        }

        var array = Resource.Input.Array(node, path);
        return array.Select((item, i) => Nested(name, Resource.Input.Object(item, JsonInput.Child(path, i)), JsonInput.Child(path, i))).ToArray();
    }

    public bool WasReference(string name) => Resource.FromReference.Contains(name);

    public IReadOnlyList<string> ReferencesOf(string name) =>
        Resource.References.TryGetValue(name, out var refs) ? refs : [];

    /// <summary>The cloud-side names of unknown attributes, via a Terraform → cloud name map.</summary>
    public IReadOnlyList<string> UnknownAs(params (string Terraform, string Cloud)[] names) =>
        names.Where(n => IsUnknown(n.Terraform)).Select(n => n.Cloud).ToArray();

    private TfValues Nested(string block, JsonObject values, string path)
    {
        var prefix = block + ".";
        var unknown = Resource.Unknown.Where(u => u.StartsWith(prefix, StringComparison.Ordinal)).Select(u => u[prefix.Length..]).ToHashSet();
        if (Resource.Unknown.Contains(block))
        {
            unknown.UnionWith(values.Select(v => v.Key));
        }

        return new TfValues(Resource with { Values = values, Unknown = unknown, JsonPath = path, IsConfiguration = true });
    }
}
