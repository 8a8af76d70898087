using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// The <c>configuration</c> section of a plan: for each resource, which resources each attribute's
/// expression references. It links values the plan does not know yet (an application id before apply).
/// </summary>
internal static class PlanReferences
{
    public static Dictionary<string, Dictionary<string, IReadOnlyList<string>>> Read(JsonObject configuration)
    {
        var result = new Dictionary<string, Dictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        var stack = new Stack<(JsonObject? Module, string Prefix)>();
        stack.Push((configuration["root_module"] as JsonObject, string.Empty));
        while (stack.Count > 0)
        {
            var (module, prefix) = stack.Pop();
            if (module is null)
            {
                continue;
            }

            foreach (var resource in (module["resources"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (resource["address"] is not JsonValue address || !address.TryGetValue<string>(out var addressText)
                    || resource["expressions"] is not JsonObject expressions)
                {
                    continue;
                }

                var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                foreach (var (name, expression) in expressions)
                {
                    if ((expression as JsonObject)?["references"] is JsonArray refs)
                    {
                        attributes[name] = refs.OfType<JsonValue>()
                            .Select(r => r.TryGetValue<string>(out var s) ? prefix + s : null)
                            .OfType<string>()
                            .ToArray();
                    }
                }

                result[prefix + addressText] = attributes;
            }

            foreach (var (name, call) in module["module_calls"] as JsonObject ?? [])
            {
                stack.Push(((call as JsonObject)?["module"] as JsonObject, $"{prefix}module.{name}."));
            }
        }

        return result;
    }
}
