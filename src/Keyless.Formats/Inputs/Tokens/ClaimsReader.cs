using System.Globalization;
using System.Text.Json.Nodes;
using Keyless.Trust.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Keyless.Formats.Inputs.Tokens;

/// <summary>
/// Reads a claims object from JSON or YAML. YAML scalars keep the types YAML gives them: quoted text is a
/// string (<c>"true"</c>, <c>"4242"</c>, as GitLab mints them), plain <c>true</c>/<c>12</c> are a boolean
/// and a number, exactly the difference a GCP condition comparing strings cares about.
/// </summary>
public static class ClaimsReader
{
    public static JsonObject Read(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            return JsonInput.Parse(source, text) as JsonObject ?? throw new InputException(source, "claims must be a JSON object");
        }

        var yaml = YamlText.Load(source, text, "not valid JSON or YAML", "claims nest too deeply");

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InputException(source, "claims must be a mapping of claim names to values");
        }

        var budget = MaxNodes;
        return (JsonObject)Convert(root, source, 0, ref budget)!;
    }

    private const int MaxDepth = YamlText.MaxDepth;

    /// <summary>Far above any token's claims; bounds what aliases can expand to (a billion-laughs file).</summary>
    private const int MaxNodes = 100_000;

    private static JsonNode? Convert(YamlNode node, string source, int depth, ref int budget)
    {
        if (--budget < 0)
        {
            throw new InputException(source, $"the claims expand to more than {MaxNodes} values through YAML aliases", (int)node.Start.Line, (int)node.Start.Column);
        }

        if (depth > MaxDepth)
        {
            throw new InputException(source, "claims nest too deeply", (int)node.Start.Line, (int)node.Start.Column);
        }

        switch (node)
        {
            case YamlMappingNode map:
                var o = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode k ? k.Value ?? string.Empty
                        : throw new InputException(source, "claim names must be plain strings", (int)key.Start.Line, (int)key.Start.Column);
                    o[name] = Convert(value, source, depth + 1, ref budget);
                }

                return o;
            case YamlSequenceNode seq:
                var items = new JsonNode?[seq.Children.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Convert(seq.Children[i], source, depth + 1, ref budget);
                }

                return new JsonArray(items);
            case YamlScalarNode scalar:
                var text = scalar.Value ?? string.Empty;
                if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
                {
                    return JsonValue.Create(text);
                }

                return text switch
                {
                    "null" or "~" or "" => null,
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
                    _ => JsonValue.Create(text),
                };
            default:
                throw new InputException(source, "unsupported YAML node", (int)node.Start.Line, (int)node.Start.Column);
        }
    }
}
