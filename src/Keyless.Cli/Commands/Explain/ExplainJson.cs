using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Trust.Identities;

namespace Keyless.Cli.Commands.Explain;

/// <summary>The JSON form of spec §5: <c>{"version":1,"decisions":[{identity, cloud, decision, reasons}]}</c>,
/// plus the deciding clause (additive fields).</summary>
internal static class ExplainJson
{
    public static string Render(IReadOnlyList<Decision> decisions, IReadOnlyList<string> notes)
    {
        var array = new JsonArray();
        foreach (var d in decisions)
        {
            var item = new JsonObject
            {
                ["identity"] = d.Identity.Name,
                ["cloud"] = d.Identity.Cloud,
                ["decision"] = Name(d.Verdict),
                ["reasons"] = new JsonArray(d.Reasons.Select(r => (JsonNode?)r).ToArray()),
            };
            if (d.Clause is { } clause)
            {
                item["clause"] = new JsonObject
                {
                    ["check"] = JsonNamingPolicy.KebabCaseLower.ConvertName(clause.Check.ToString()),
                    ["element"] = clause.Element,
                    ["text"] = clause.Text,
                    ["error"] = clause.Error is { } e ? new JsonObject { ["status"] = e.HttpStatus, ["error"] = e.Error, ["description"] = e.Description } : null,
                    ["location"] = clause.Source is { } s ? new JsonObject { ["file"] = s.File, ["path"] = s.JsonPath } : null,
                };
            }

            array.Add((JsonNode)item);
        }

        var root = new JsonObject { ["version"] = 1, ["decisions"] = array };
        if (notes.Count > 0)
        {
            root["notes"] = new JsonArray(notes.Select(n => (JsonNode?)n).ToArray());
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Allow => "allow",
        Verdict.Deny => "deny",
        _ => "indeterminate",
    };
}
