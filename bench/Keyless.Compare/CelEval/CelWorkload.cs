using System.Text.Json.Nodes;

namespace Keyless.Compare.CelEval;

/// <summary>One expression of the shared CEL workload and the boolean every engine must agree on.</summary>
public sealed record CelCase(string Name, string Expression, bool Expected);

/// <summary>workloads/cel.json: the claims and expressions every engine evaluates (npm/cel-peers.mjs reads the same file).</summary>
public sealed record CelWorkload(JsonObject Claims, IReadOnlyList<CelCase> Cases)
{
    public static CelWorkload Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var cases = root["expressions"]!.AsArray()
            .Select(e => new CelCase(e!["name"]!.GetValue<string>(), e["expr"]!.GetValue<string>(), e["expected"]!.GetValue<bool>()))
            .ToArray();
        return new CelWorkload(root["claims"]!.AsObject(), cases);
    }
}
