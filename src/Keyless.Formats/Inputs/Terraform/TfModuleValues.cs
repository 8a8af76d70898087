using System.Text.Json.Nodes;
using Keyless.Formats.Inputs.Hcl;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// The <c>locals</c> and <c>variable</c> blocks of a configuration, by module: a folder is one Terraform module, so
/// <c>local.x</c> and <c>var.x</c> name the ones declared in the referring file's own folder. A variable's value is,
/// as Terraform takes it: from a <c>.tfvars</c> file named on the command line (as <c>-var-file</c>; the last one
/// wins), else from the folder's <c>terraform.tfvars</c> and then <c>*.auto.tfvars</c>, else its <c>default</c>
/// (with a note, since <c>-var</c> and <c>TF_VAR_</c> are not seen). One with none of these is unknown.
/// </summary>
internal sealed class TfModuleValues
{
    private readonly Dictionary<(string Module, string Name), (JsonInput Input, JsonNode? Value)> _locals = [];
    private readonly Dictionary<(string Module, string Name), (JsonInput Input, JsonNode? Default, bool HasDefault)> _variables = [];
    private readonly Dictionary<(string Module, string Name), (string Rank, string File, JsonNode? Value)> _autoValues = [];
    private readonly Dictionary<string, (string File, JsonNode? Value)> _givenValues = new(StringComparer.Ordinal);

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

    /// <summary>An override file's locals replace the originals; its variables' defaults replace theirs.</summary>
    public void Override(JsonInput input, JsonObject root)
    {
        var module = ModuleOf(input);
        foreach (var (body, _) in Bodies(input, root["locals"], "$.locals"))
        {
            foreach (var (name, value) in body)
            {
                _locals[(module, name)] = (input, value);
            }
        }

        foreach (var (name, node) in input.OptObject(root, "variable", "$") ?? [])
        {
            var body = Bodies(input, node, JsonInput.Child("$.variable", name)).Select(b => b.Body).FirstOrDefault() ?? [];
            if (body.ContainsKey("default") && _variables.TryGetValue((module, name), out var original))
            {
                _variables[(module, name)] = original with { Default = body["default"], HasDefault = true };
            }
        }
    }

    /// <summary>A <c>.tfvars</c> file: <c>terraform.tfvars</c> before <c>*.auto.tfvars</c> (by name), any other as a -var-file.</summary>
    public void AddValues(JsonInput input, JsonObject values)
    {
        var module = ModuleOf(input);
        var rank = (Path.GetFileName(input.File) == "terraform.tfvars" ? "0" : "1") + Path.GetFileName(input.File);
        foreach (var (name, value) in values)
        {
            if (!HclFiles.IsAutoLoaded(input.File))
            {
                _givenValues[name] = (input.File, value);
            }
            else if (!_autoValues.TryGetValue((module, name), out var current) || string.CompareOrdinal(rank, current.Rank) > 0)
            {
                _autoValues[(module, name)] = (rank, input.File, value);
            }
        }
    }

    public bool TryLocal(string module, string name, out JsonNode? value)
    {
        var found = _locals.TryGetValue((module, name), out var local);
        value = local.Value;
        return found;
    }

    /// <summary>The value of <c>var.NAME</c>, where it comes from, and whether it is the declared default.</summary>
    public bool TryVariable(string module, string name, out JsonNode? value, out string? source, out bool isDefault)
    {
        isDefault = false;
        if (_variables.ContainsKey((module, name)) && _givenValues.TryGetValue(name, out var given))
        {
            (source, value) = given;
            return true;
        }

        if (_autoValues.TryGetValue((module, name), out var auto))
        {
            (source, value) = (auto.File, auto.Value);
            return true;
        }

        var found = _variables.TryGetValue((module, name), out var variable) && variable.HasDefault;
        (value, source, isDefault) = (variable.Default, variable.Input?.File, found);
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
