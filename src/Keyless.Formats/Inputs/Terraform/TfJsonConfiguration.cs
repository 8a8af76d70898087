using System.Text;
using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// Terraform JSON configuration (<c>*.tf.json</c>: <c>{"resource": {"TYPE": {"NAME": {attrs}}}}</c>), as
/// <c>keyless plan</c> writes it, and <c>.tf</c> files turned into the same shape by <see cref="Hcl.HclToJson"/>.
/// Values resolve as far as literals take them (<see cref="TfEvaluator"/>): <c>${TYPE.NAME.attr}</c> pointing at a
/// literal in the same file set (or at a name Terraform derives from literals, like a pool's <c>name</c>),
/// <c>local.*</c>, <c>var.*</c> defaults, templates and <c>jsonencode</c>; anything else (other functions, computed
/// ids) leaves the attribute unknown, with the reference kept for linking.
/// <c>count</c> and <c>for_each</c> are not expanded: a block that Terraform provably creates no instance of
/// (<c>count = 0</c>, <c>for_each = {}</c>, also when a local or variable says so) is skipped, and any other is read
/// as one instance with a note.
/// </summary>
internal sealed class TfJsonConfiguration(List<string> notes)
{
    private static readonly HashSet<string> MetaArguments = new(StringComparer.Ordinal)
    {
        "count", "for_each", "depends_on", "lifecycle", "provider", "provisioner", "connection",
    };

    private readonly List<(JsonInput Input, string Type, bool IsData, string Address, JsonObject Attributes, string Path, JsonObject Meta)> _declared = [];
    private readonly TfModuleValues _values = new();
    private readonly List<(JsonInput Input, JsonObject Root)> _overrides = [];

    // Terraform 1.5+ `import` blocks: the id of an existing object that a resource block adopts. It is the only
    // place a configuration names, say, an existing GitLab project's id.
    private readonly Dictionary<string, string> _importIds = new(StringComparer.Ordinal);

    public void Add(JsonInput input, JsonObject root)
    {
        if (Hcl.HclFiles.IsVariableValues(input.File))
        {
            _values.AddValues(input, root);
            return;
        }

        if (Hcl.HclFiles.IsOverride(input.File))
        {
            _overrides.Add((input, root));
            return;
        }

        AddImports(input, root);
        _values.Add(input, root);
        if (input.OptObject(root, "module", "$") is { } modules)
        {
            foreach (var (name, _) in modules)
            {
                notes.Add($"module.{name} ({input.Ref(JsonInput.Child("$.module", name))}): module calls are not expanded; its resources are not read "
                          + "(read the module's own folder, or `terraform show -json` of a plan).");
            }
        }

        foreach (var (type, isData, address, attributes, path, meta) in Blocks(input, root))
        {
            _declared.Add((input, type, isData, address, attributes, path, meta));
        }
    }

    /// <summary>The resource and data blocks of one file, their meta-arguments apart.</summary>
    private static IEnumerable<(string Type, bool IsData, string Address, JsonObject Attributes, string Path, JsonObject Meta)> Blocks(JsonInput input, JsonObject root)
    {
        foreach (var (section, isData) in new[] { ("resource", false), ("data", true) })
        {
            if (input.OptObject(root, section, "$") is not { } types)
            {
                continue;
            }

            foreach (var (type, namesNode) in types)
            {
                var typePath = JsonInput.Child("$." + section, type);
                foreach (var (name, body) in input.Object(namesNode, typePath))
                {
                    var path = JsonInput.Child(typePath, name);

                    // A resource body may also be written as a one-element array.
                    var attributes = body is JsonArray { Count: 1 } one ? input.Object(one[0], JsonInput.Child(path, 0)) : input.Object(body, path);
                    var copy = new JsonObject();
                    var meta = new JsonObject();
                    foreach (var (key, value) in attributes)
                    {
                        (MetaArguments.Contains(key) ? meta : copy)[key] = value?.DeepClone();
                    }

                    yield return (type, isData, (isData ? "data." : string.Empty) + type + "." + name, copy, path, meta);
                }
            }
        }
    }

    /// <summary>
    /// Terraform's override files (<c>override.tf</c>, <c>*_override.tf</c> and their <c>.tf.json</c> forms), applied
    /// after every other file, in name order: each argument replaces the original's, each nested block type replaces
    /// all the original's blocks of that type, and each local or variable default replaces the original.
    /// </summary>
    private void ApplyOverrides()
    {
        foreach (var (input, root) in _overrides.OrderBy(o => Path.GetFileName(o.Input.File), StringComparer.Ordinal))
        {
            _values.Override(input, root);
            var module = TfModuleValues.ModuleOf(input);
            foreach (var (_, _, address, attributes, path, meta) in Blocks(input, root))
            {
                var original = _declared.FindIndex(d => d.Address == address && TfModuleValues.ModuleOf(d.Input) == module);
                if (original < 0)
                {
                    throw input.Error(path, $"this override names {address}, which no other file of its folder declares");
                }

                foreach (var (from, into) in new[] { (attributes, _declared[original].Attributes), (meta, _declared[original].Meta) })
                {
                    foreach (var (key, value) in from)
                    {
                        into[key] = value?.DeepClone();
                    }
                }
            }
        }
    }

    /// <summary>
    /// False when the block has no instance at all. Otherwise it is read as one instance; with <c>count</c> or
    /// <c>for_each</c> that is said, since <c>count.index</c> and <c>each.*</c> stay unknown and a block of several
    /// instances is read as one.
    /// </summary>
    private bool Instances(JsonObject meta, string address, SourceRef source, Func<JsonNode?, TfValue> resolve)
    {
        var count = meta["count"] is { } c0 && resolve(c0) is { Known: true } countValue ? countValue.Value : meta["count"];
        var forEach = meta["for_each"] is { } f0 && resolve(f0) is { Known: true } forEachValue ? forEachValue.Value : meta["for_each"];
        if (count is null && forEach is null)
        {
            return true;
        }

        var none = count is JsonValue c && ((c.TryGetValue<long>(out var n) && n == 0) || (c.TryGetValue<string>(out var text) && text == "0"))
            || forEach is JsonObject { Count: 0 } or JsonArray { Count: 0 };
        if (none)
        {
            notes.Add($"{address} ({source}): {(count is not null ? "count = 0" : "for_each is empty")}, so Terraform creates no instance of it; skipped.");
            return false;
        }

        notes.Add($"{address} ({source}): {(count is not null ? "count" : "for_each")} is not expanded; the block is read as one instance with "
                  + $"{(count is not null ? "count.index" : "each.key and each.value")} unknown. `terraform show -json` of a plan lists every instance.");
        return true;
    }

    private void AddImports(JsonInput input, JsonObject root)
    {
        var imports = root["import"] switch
        {
            JsonArray array => array.Select((node, i) => (node, JsonInput.Child("$.import", i))),
            JsonObject one => [(one, "$.import")],
            null => [],
            _ => throw input.Error("$.import", "expected an array of {\"to\", \"id\"} import blocks"),
        };
        foreach (var (node, path) in imports)
        {
            var block = input.Object(node, path);
            if (block["to"] is JsonValue to && to.TryGetValue<string>(out var address) && ImportTarget(address) is { } target
                && block["id"] is JsonValue id && id.TryGetValue<string>(out var value) && !value.Contains("${", StringComparison.Ordinal))
            {
                _importIds[target] = value;
            }
        }
    }

    /// <summary>
    /// An import's <c>to</c> names an address: <c>"gitlab_project.app"</c> in JSON syntax, and <c>"${gitlab_project.app}"</c>
    /// from a <c>.tf</c> file, where <c>to = gitlab_project.app</c> is an expression.
    /// </summary>
    private static string? ImportTarget(string to) =>
        to.StartsWith("${", StringComparison.Ordinal) && to.EndsWith('}') ? to[2..^1].Trim()
        : to.Contains("${", StringComparison.Ordinal) ? null
        : to;

    public IEnumerable<TerraformResource> Resolve()
    {
        ApplyOverrides();
        var blocks = new Dictionary<string, TfBlock>(StringComparer.Ordinal);
        var declaredIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in _declared)
        {
            if (!declaredIn.TryAdd(d.Address, d.Input.File))
            {
                // Terraform refuses a duplicate resource; two configurations loaded together are not one module.
                throw d.Input.Error(d.Path, $"{d.Address} is declared twice (also in {declaredIn[d.Address]}); load one configuration at a time");
            }

            // An imported block's id is known: a reference to it (application_id = azuread_application.x.id) resolves.
            var attributes = d.Attributes;
            if (!attributes.ContainsKey("id") && _importIds.TryGetValue(d.Address, out var imported))
            {
                attributes = (JsonObject)attributes.DeepClone();
                attributes["id"] = imported;
            }

            attributes = Aws.AwsTerraform.WithProviderArn(d.Type, attributes);
            blocks[d.Address] = new TfBlock(d.Type, TfModuleValues.ModuleOf(d.Input), attributes);
        }

        var evaluator = new TfEvaluator(blocks, _values, notes);

        // A block with no instance is not there at all: nothing else resolves through it.
        var present = _declared.Where(d => Instances(d.Meta, d.Address, d.Input.Ref(d.Path), node => evaluator.Resolve(node, blocks[d.Address].Module, [])))
            .ToList();
        foreach (var absent in _declared.Except(present))
        {
            blocks.Remove(absent.Address);
        }

        foreach (var (input, type, isData, address, attributes, path, _) in present)
        {
            var unknown = new HashSet<string>(StringComparer.Ordinal);
            var references = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var fromReference = new HashSet<string>(StringComparer.Ordinal);
            var resolved = new JsonObject();
            foreach (var (key, value) in attributes)
            {
                var refs = new List<string>();
                var result = evaluator.Resolve(value, blocks[address].Module, refs);
                refs = [.. refs.Distinct(StringComparer.Ordinal)];
                resolved[key] = result.Value;
                if (refs.Count > 0)
                {
                    references[key] = refs;
                }

                if (!result.Known)
                {
                    unknown.Add(key);
                    resolved[key] = null;
                }
                else if (refs.Count > 0)
                {
                    fromReference.Add(key);
                }
            }

            if (!resolved.ContainsKey("id") && _importIds.TryGetValue(address, out var importedId))
            {
                resolved["id"] = importedId;
            }

            yield return new TerraformResource
            {
                Type = type,
                Address = address,
                BaseAddress = address,
                IsData = isData,
                Values = resolved,
                Unknown = unknown,
                References = references,
                FromReference = fromReference,
                Input = input,
                JsonPath = path,
                IsConfiguration = true,
            };
        }
    }
}
