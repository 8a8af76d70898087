using System.Text;
using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// Terraform JSON configuration (<c>*.tf.json</c>: <c>{"resource": {"TYPE": {"NAME": {attrs}}}}</c>), as
/// <c>keyless plan</c> writes it. <c>${TYPE.NAME.attr}</c> references resolve when they point at a literal in the
/// same file set (or at a name Terraform derives from literals, like a pool's <c>name</c>); anything else
/// (variables, functions, computed ids) leaves the attribute unknown, with the reference kept for linking.
/// <c>count</c> and <c>for_each</c> are not expanded: a block that Terraform provably creates no instance of
/// (<c>count = 0</c>, <c>for_each = {}</c>) is skipped, and any other is read as one instance with a note.
/// </summary>
internal sealed class TfJsonConfiguration(List<string> notes)
{
    private static readonly HashSet<string> MetaArguments = new(StringComparer.Ordinal)
    {
        "count", "for_each", "depends_on", "lifecycle", "provider", "provisioner", "connection",
    };

    private readonly List<(JsonInput Input, string Type, bool IsData, string Address, JsonObject Attributes, string Path)> _declared = [];

    // Terraform 1.5+ `import` blocks: the id of an existing object that a resource block adopts. It is the only
    // place a configuration names, say, an existing GitLab project's id.
    private readonly Dictionary<string, string> _importIds = new(StringComparer.Ordinal);

    public void Add(JsonInput input, JsonObject root)
    {
        AddImports(input, root);
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
                    var address = (isData ? "data." : string.Empty) + type + "." + name;
                    if (!Instances(attributes, address, input.Ref(path)))
                    {
                        continue;
                    }

                    var copy = new JsonObject();
                    foreach (var (key, value) in attributes)
                    {
                        if (!MetaArguments.Contains(key))
                        {
                            copy[key] = value?.DeepClone();
                        }
                    }

                    _declared.Add((input, type, isData, address, copy, path));
                }
            }
        }
    }

    /// <summary>
    /// False when the block has no instance at all. Otherwise it is read as one instance; with <c>count</c> or
    /// <c>for_each</c> that is said, since <c>count.index</c> and <c>each.*</c> stay unknown and a block of several
    /// instances is read as one.
    /// </summary>
    private bool Instances(JsonObject attributes, string address, SourceRef source)
    {
        var count = attributes["count"];
        var forEach = attributes["for_each"];
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
            if (block["to"] is JsonValue to && to.TryGetValue<string>(out var address)
                && block["id"] is JsonValue id && id.TryGetValue<string>(out var value) && !value.Contains("${", StringComparison.Ordinal))
            {
                _importIds[address] = value;
            }
        }
    }

    public IEnumerable<TerraformResource> Resolve()
    {
        var byAddress = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var declaredIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in _declared)
        {
            if (!declaredIn.TryAdd(d.Address, d.Input.File))
            {
                // Terraform refuses a duplicate resource; two configurations loaded together are not one module.
                throw d.Input.Error(d.Path, $"{d.Address} is declared twice (also in {declaredIn[d.Address]}); load one configuration at a time");
            }

            byAddress[d.Address] = d.Attributes;
        }

        foreach (var (input, type, isData, address, attributes, path) in _declared)
        {
            var unknown = new HashSet<string>(StringComparer.Ordinal);
            var references = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var fromReference = new HashSet<string>(StringComparer.Ordinal);
            var resolved = new JsonObject();
            foreach (var (key, value) in attributes)
            {
                var refs = new List<string>();
                var state = new ResolveState(byAddress, refs);
                resolved[key] = ResolveNode(value, state);
                if (refs.Count > 0)
                {
                    references[key] = refs;
                }

                if (state.Unresolved)
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

    private sealed class ResolveState(Dictionary<string, JsonObject> byAddress, List<string> references)
    {
        public Dictionary<string, JsonObject> ByAddress { get; } = byAddress;

        public List<string> References { get; } = references;

        public bool Unresolved { get; set; }
    }

    private static JsonNode? ResolveNode(JsonNode? node, ResolveState state) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s.Contains("${", StringComparison.Ordinal) ? Interpolate(s, state) : v.DeepClone(),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, ResolveNode(p.Value, state)))),
        JsonArray a => new JsonArray(a.Select(i => ResolveNode(i, state)).ToArray()),
        _ => node?.DeepClone(),
    };

    private static JsonValue? Interpolate(string template, ResolveState state)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var start = template.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            var end = template.IndexOf('}', start);
            if (end < 0)
            {
                state.Unresolved = true;
                return null;
            }

            result.Append(template, i, start - i);
            var value = Lookup(template[(start + 2)..end].Trim(), state);
            if (value is null)
            {
                state.Unresolved = true;
                return null;
            }

            result.Append(value);
            i = end + 1;
        }

        return JsonValue.Create(result.ToString());
    }

    /// <summary>The literal a <c>TYPE.NAME.attr</c> (or <c>data.TYPE.NAME.attr</c>) reference stands for, or null.</summary>
    private static string? Lookup(string expression, ResolveState state)
    {
        var parts = expression.Split('.');
        var isData = parts.Length > 0 && parts[0] == "data";
        var offset = isData ? 1 : 0;
        if (parts.Length != offset + 3 || parts.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            return null;
        }

        var address = string.Join('.', parts[..(offset + 2)]);
        state.References.Add(address);
        if (!state.ByAddress.TryGetValue(address, out var target))
        {
            return null;
        }

        var type = parts[offset];
        var attribute = parts[offset + 2];
        if (Literal(target, attribute) is { } literal)
        {
            return literal;
        }

        var project = Literal(target, "project");
        return (type, attribute) switch
        {
            ("google_iam_workload_identity_pool", "name" or "id") when project is not null && Literal(target, "workload_identity_pool_id") is { } pool =>
                $"projects/{project}/locations/global/workloadIdentityPools/{pool}",
            ("google_iam_workload_identity_pool_provider", "name" or "id") when project is not null
                && Literal(target, "workload_identity_pool_id") is { } pool && Literal(target, "workload_identity_pool_provider_id") is { } provider =>
                $"projects/{project}/locations/global/workloadIdentityPools/{pool}/providers/{provider}",
            ("google_service_account", "email" or "member" or "name" or "id") when project is not null && Literal(target, "account_id") is { } account =>
                attribute switch
                {
                    "email" => $"{account}@{project}.iam.gserviceaccount.com",
                    "member" => $"serviceAccount:{account}@{project}.iam.gserviceaccount.com",
                    _ => $"projects/{project}/serviceAccounts/{account}@{project}.iam.gserviceaccount.com",
                },
            _ => null,
        };
    }

    private static string? Literal(JsonObject target, string attribute) =>
        target[attribute] is JsonValue v && v.TryGetValue<string>(out var s) && !s.Contains("${", StringComparison.Ordinal) ? s : null;
}
