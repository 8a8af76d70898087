using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// Reads Terraform JSON in its three shapes into <see cref="TerraformResource"/>s, then maps them all at once
/// (<see cref="Finish"/>) so references and links work across files.
/// </summary>
internal sealed class TerraformImporter(TrustBuilder builder)
{
    // Terraform's top-level block types in the JSON syntax, and its "//" comment property.
    private static readonly HashSet<string> ConfigurationBlocks = new(StringComparer.Ordinal)
    {
        "resource", "data", "terraform", "provider", "variable", "output", "locals", "module", "import", "moved", "removed", "check", "//",
    };

    private readonly List<TerraformResource> _resources = [];
    // One configuration per folder: a folder is one Terraform root module, and two folders (envs/prod, envs/staging)
    // may declare the same addresses without declaring anything twice.
    private readonly Dictionary<string, TfJsonConfiguration> _configurations = new(StringComparer.Ordinal);

    // A .tfvars named on the command line is a -var-file: it sets the variables of whichever configuration is read.
    private readonly List<(JsonInput Input, JsonObject Root)> _varFiles = [];

    public static bool IsShowJson(JsonObject o) => o.ContainsKey("format_version") && (o.ContainsKey("values") || o.ContainsKey("planned_values") || o.ContainsKey("resource_changes"));

    public static bool IsRawState(JsonObject o) => o["version"] is JsonValue && o.ContainsKey("terraform_version") && o["resources"] is JsonArray;

    /// <summary>
    /// A <c>*.tf.json</c>: only Terraform's top-level block types (and <c>//</c> comments), with resources or data
    /// sources. A JSON file that merely has a <c>data</c> object (fixtures, translations) is something else.
    /// </summary>
    public static bool IsConfiguration(JsonObject o) =>
        (o["resource"] is JsonObject || o["data"] is JsonObject) && o.All(p => ConfigurationBlocks.Contains(p.Key));


    /// <summary><c>terraform show -json</c> of a state (<c>values</c>) or of a plan (<c>planned_values</c> + <c>resource_changes</c>).</summary>
    public void ShowJson(JsonInput input, JsonObject root)
    {
        var isPlan = root.ContainsKey("planned_values") || root.ContainsKey("resource_changes");
        var valuesKey = isPlan ? "planned_values" : "values";
        var unknowns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        if (root["resource_changes"] is JsonNode changesNode)
        {
            var changes = input.Array(changesNode, "$.resource_changes");
            for (var i = 0; i < changes.Count; i++)
            {
                var path = JsonInput.Child("$.resource_changes", i);
                var change = input.Object(changes[i], path);
                var address = input.RequireStr(change, "address", path);
                var body = input.OptObject(change, "change", path);
                if (body?["after_unknown"] is JsonObject afterUnknown)
                {
                    var set = new HashSet<string>(StringComparer.Ordinal);
                    CollectUnknown(afterUnknown, string.Empty, set);
                    unknowns[address] = set;
                }

                if (body?["actions"] is JsonArray actions && actions.Count == 1
                    && actions[0] is JsonValue action && action.TryGetValue<string>(out var only) && only == "delete")
                {
                    deleted.Add(address);
                }
            }
        }

        var references = isPlan && root["configuration"] is JsonObject configuration
            ? PlanReferences.Read(configuration)
            : new Dictionary<string, Dictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);

        if (root[valuesKey] is null)
        {
            return;
        }

        var values = input.Object(root[valuesKey], "$." + valuesKey);
        if (values["root_module"] is null)
        {
            return;
        }

        // Modules nest under child_modules; walk them with an explicit stack, never recursion on user input.
        var stack = new Stack<(JsonNode? Node, string Path)>();
        stack.Push((values["root_module"], $"$.{valuesKey}.root_module"));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            var module = input.Object(node, path);
            if (module["resources"] is JsonNode resourcesNode)
            {
                var resources = input.Array(resourcesNode, JsonInput.Child(path, "resources"));
                for (var i = 0; i < resources.Count; i++)
                {
                    var at = JsonInput.Child(JsonInput.Child(path, "resources"), i);
                    var resource = input.Object(resources[i], at);
                    var address = input.RequireStr(resource, "address", at);
                    if (deleted.Contains(address))
                    {
                        continue;
                    }

                    var baseAddress = StripIndex(address);
                    var configAddress = StripModuleIndexes(baseAddress);
                    _resources.Add(new TerraformResource
                    {
                        Type = input.RequireStr(resource, "type", at),
                        Address = address,
                        BaseAddress = baseAddress,
                        IsData = input.Str(resource, "mode", at) == "data",
                        Values = resource["values"] is null ? [] : input.Object(resource["values"], JsonInput.Child(at, "values")),
                        Unknown = unknowns.GetValueOrDefault(address) ?? [],
                        References = references.TryGetValue(configAddress, out var refs) ? refs : new Dictionary<string, IReadOnlyList<string>>(),
                        Input = input,
                        JsonPath = at,
                    });
                }
            }

            if (module["child_modules"] is JsonNode children)
            {
                var array = input.Array(children, JsonInput.Child(path, "child_modules"));
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    stack.Push((array[i], JsonInput.Child(JsonInput.Child(path, "child_modules"), i)));
                }
            }
        }
    }

    /// <summary>A raw state file (<c>terraform.tfstate</c>, version 4).</summary>
    public void RawState(JsonInput input, JsonObject root)
    {
        var resources = input.Array(root["resources"], "$.resources");
        for (var i = 0; i < resources.Count; i++)
        {
            var at = JsonInput.Child("$.resources", i);
            var resource = input.Object(resources[i], at);
            var type = input.RequireStr(resource, "type", at);
            var name = input.RequireStr(resource, "name", at);
            var module = input.Str(resource, "module", at);
            var baseAddress = (module is null ? string.Empty : module + ".") + (input.Str(resource, "mode", at) == "data" ? "data." : string.Empty) + type + "." + name;
            var instances = resource["instances"] is null ? [] : input.Array(resource["instances"], JsonInput.Child(at, "instances"));
            for (var j = 0; j < instances.Count; j++)
            {
                var instancePath = JsonInput.Child(JsonInput.Child(at, "instances"), j);
                var instance = input.Object(instances[j], instancePath);
                var key = instance["index_key"]?.ToJsonString();
                _resources.Add(new TerraformResource
                {
                    Type = type,
                    Address = key is null ? baseAddress : $"{baseAddress}[{key}]",
                    BaseAddress = baseAddress,
                    IsData = input.Str(resource, "mode", at) == "data",
                    Values = input.Object(instance["attributes"], JsonInput.Child(instancePath, "attributes")),
                    Input = input,
                    JsonPath = JsonInput.Child(instancePath, "attributes"),
                    IsConfiguration = true,
                });
            }
        }
    }

    /// <summary>A Terraform JSON configuration (<c>*.tf.json</c>); references are resolved in <see cref="Finish"/>.</summary>
    public void Configuration(JsonInput input, JsonObject root)
    {
        if (Hcl.HclFiles.IsVariableValues(input.File) && !Hcl.HclFiles.IsAutoLoaded(input.File))
        {
            _varFiles.Add((input, root));
            return;
        }

        var module = TfModuleValues.ModuleOf(input);
        if (!_configurations.TryGetValue(module, out var configuration))
        {
            _configurations[module] = configuration = new TfJsonConfiguration(builder.Notes);
        }

        configuration.Add(input, root);
    }

    /// <summary>
    /// Maps each folder's resources on their own, so references and addresses link within the folder that declared
    /// them (as Terraform resolves them), never to a same-named resource of another root module.
    /// </summary>
    public void Finish()
    {
        foreach (var configuration in _configurations.Values)
        {
            foreach (var (input, root) in _varFiles)
            {
                configuration.Add(input, root);
            }

            _resources.AddRange(configuration.Resolve());
        }

        var folders = _resources.GroupBy(r => TfModuleValues.ModuleOf(r.Input), StringComparer.Ordinal).ToList();
        var scopes = TerraformScopes.Of([.. folders.Select(f => f.Key)]);
        foreach (var folder in folders)
        {
            new TerraformMapper(builder, [.. folder], scopes[folder.Key]).Map();
        }
    }

    /// <summary>Flattens after_unknown into attribute paths: <c>{"oidc":[{"issuer_uri":true}]}</c> → <c>oidc.issuer_uri</c>.</summary>
    private static void CollectUnknown(JsonObject node, string prefix, HashSet<string> into)
    {
        var stack = new Stack<(JsonNode? Node, string Prefix)>();
        stack.Push((node, prefix));
        while (stack.Count > 0)
        {
            var (current, at) = stack.Pop();
            switch (current)
            {
                case JsonValue v when v.TryGetValue<bool>(out var b) && b:
                    into.Add(at);
                    break;
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        stack.Push((value, at.Length == 0 ? key : at + "." + key));
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        stack.Push((item, at));
                    }

                    break;
            }
        }

        // An unknown nested value makes its top-level attribute partly unknown as well.
        foreach (var path in into.ToArray())
        {
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && !path.StartsWith("oidc.", StringComparison.Ordinal))
            {
                into.Add(path[..dot]);
            }
        }
    }

    private static string StripIndex(string address)
    {
        var result = address;
        if (result.EndsWith(']'))
        {
            var open = result.LastIndexOf('[');
            if (open > 0)
            {
                result = result[..open];
            }
        }

        return result;
    }

    /// <summary><c>module.a["x"].google_x.y</c> → <c>module.a.google_x.y</c>, as the configuration section names it.</summary>
    private static string StripModuleIndexes(string address)
    {
        var builder = new System.Text.StringBuilder(address.Length);
        var depth = 0;
        foreach (var c in address)
        {
            if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
