using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// The <c>locals</c> and <c>variable</c> blocks of a configuration, by module: a folder is one Terraform module, so
/// <c>local.x</c> and <c>var.x</c> name the ones declared in the referring file's own folder. A variable stands for
/// its <c>default</c> (values from <c>.tfvars</c> files, <c>-var</c> or <c>TF_VAR_</c> are not seen, and a note says
/// so wherever a default is used); one without a default is unknown.
/// </summary>
internal sealed class TfModuleValues
{
    private readonly Dictionary<(string Module, string Name), (JsonInput Input, JsonNode? Value)> _locals = [];
    private readonly Dictionary<(string Module, string Name), (JsonInput Input, JsonNode? Default, bool HasDefault)> _variables = [];

    /// <summary>The module (folder) a file belongs to.</summary>
    public static string ModuleOf(JsonInput input) => Path.GetDirectoryName(Path.GetFullPath(input.File)) ?? string.Empty;

    public void Add(JsonInput input, JsonObject root)
    {
        var module = ModuleOf(input);
        foreach (var (body, path) in Bodies(input, root["locals"], "$.locals"))
        {
            foreach (var (name, value) in body)
            {
                if (_locals.TryGetValue((module, name), out var first))
                {
                    throw input.Error(JsonInput.Child(path, name), $"local.{name} is defined twice (also in {first.Input.File})");
                }

                _locals[(module, name)] = (input, value);
            }
        }

        if (input.OptObject(root, "variable", "$") is not { } variables)
        {
            return;
        }

        foreach (var (name, node) in variables)
        {
            var path = JsonInput.Child("$.variable", name);
            if (_variables.TryGetValue((module, name), out var first))
            {
                throw input.Error(path, $"variable \"{name}\" is declared twice (also in {first.Input.File})");
            }

            var body = Bodies(input, node, path).Select(b => b.Body).FirstOrDefault() ?? [];
            _variables[(module, name)] = (input, body["default"], body.ContainsKey("default"));
        }
    }

    public bool TryLocal(string module, string name, out JsonNode? value)
    {
        var found = _locals.TryGetValue((module, name), out var local);
        value = local.Value;
        return found;
    }

    /// <summary>The default of <c>var.NAME</c>; false when the variable is not declared or has no default.</summary>
    public bool TryDefault(string module, string name, out JsonNode? value, out string? declaredIn)
    {
        var found = _variables.TryGetValue((module, name), out var variable) && variable.HasDefault;
        value = variable.Default;
        declaredIn = variable.Input?.File;
        return found;
    }

    /// <summary>A block without labels in JSON syntax is one object or an array of them (hcl2json writes the array).</summary>
    private static IEnumerable<(JsonObject Body, string Path)> Bodies(JsonInput input, JsonNode? node, string path) => node switch
    {
        null => [],
        JsonArray array => array.Select((item, i) => (input.Object(item, JsonInput.Child(path, i)), JsonInput.Child(path, i))),
        _ => [(input.Object(node, path), path)],
    };
}
