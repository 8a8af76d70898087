using System.Text.Json.Nodes;
using Keyless.Trust.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Keyless.Formats.Inputs.Aws;

/// <summary>
/// A CloudFormation template written in YAML, turned into the JSON tree of the same template, as CloudFormation
/// itself does before it reads one: each short-form tag becomes its long form (<c>!Ref X</c> → <c>{"Ref": "X"}</c>,
/// <c>!Sub …</c> → <c>{"Fn::Sub": …}</c>, <c>!Condition C</c> → <c>{"Condition": "C"}</c>), so
/// <see cref="CloudFormationImporter"/> reads both formats alike. The AWS CloudFormation User Guide ("Template
/// format") says CloudFormation reads YAML 1.1 without the binary, omap, pairs, set and timestamp tags, aliases and
/// hash merges, and refuses a tag it does not know; so does this reader, naming the line. Scalars stay text (so
/// <c>Version: 2012-10-17</c> is the string IAM wants, not a date), except YAML's null.
/// </summary>
internal static class CloudFormationYaml
{
    /// <summary>The intrinsic functions with a YAML short form (CloudFormation's intrinsic function reference).</summary>
    private static readonly HashSet<string> ShortForms = new(StringComparer.Ordinal)
    {
        "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Length", "Select", "Split", "Sub",
        "ToJsonString", "Transform", "And", "Equals", "If", "Not", "Or",
    };

    private const string Invalid = "not valid YAML";

    /// <summary>Whether a file's name says YAML; its content says whether it is a template.</summary>
    public static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Cheap test for a YAML file found in a folder: a template names a resource type (<c>AWS::…</c>) or its format
    /// version. A pipeline, a <c>.keyless.yml</c> or a compose file names neither and is left alone, not even parsed.
    /// </summary>
    public static bool MayBeTemplate(string text) =>
        text.Contains("AWSTemplateFormatVersion", StringComparison.Ordinal) || text.Contains("AWS::", StringComparison.Ordinal);

    /// <summary>The JSON tree of one YAML document; <see cref="InputException"/> with the line for anything CloudFormation refuses.</summary>
    public static JsonNode? Convert(string file, string text)
    {
        var stack = new Stack<Frame>();
        JsonNode? root = null;
        var documents = 0;
        foreach (var e in YamlText.Events(file, text, Invalid, "a CloudFormation template nested this deep is not read"))
        {
            switch (e)
            {
                case DocumentStart when ++documents > 1:
                    throw At(file, e, "a CloudFormation template is one YAML document; this file holds more");
                case AnchorAlias:
                    throw At(file, e, "CloudFormation does not support YAML aliases (*name); write the value out");
                case Scalar scalar when stack.Count > 0 && stack.Peek().ExpectsKey:
                    var frame = stack.Peek();
                    if (!scalar.Tag.IsEmpty)
                    {
                        throw At(file, e, $"a mapping key cannot carry the tag {scalar.Tag.Value}");
                    }

                    if (scalar.Value == "<<" && scalar.Style == ScalarStyle.Plain)
                    {
                        throw At(file, e, "CloudFormation does not support YAML hash merges (<<)");
                    }

                    if (frame.Object!.ContainsKey(scalar.Value))
                    {
                        throw At(file, e, $"the key '{scalar.Value}' appears twice in this mapping");
                    }

                    frame.Key = scalar.Value;
                    break;
                case Scalar scalar:
                    root = Add(stack, Tagged(file, e, scalar.Tag, ScalarValue(scalar)), root);
                    break;
                case MappingStart or SequenceStart when stack.Count > 0 && stack.Peek().ExpectsKey:
                    throw At(file, e, "a mapping key must be a single value, not a mapping or a list");
                case MappingStart mapping:
                    stack.Push(new Frame(new JsonObject(), mapping.Tag, e));
                    break;
                case SequenceStart sequence:
                    stack.Push(new Frame(new JsonArray(), sequence.Tag, e));
                    break;
                case MappingEnd or SequenceEnd:
                    var done = stack.Pop();
                    root = Add(stack, Tagged(file, done.Start, done.Tag, done.Node), root);
                    break;
            }
        }

        return root;
    }

    // Places a finished node in its parent (or makes it the document), and returns the document so far.
    private static JsonNode? Add(Stack<Frame> stack, JsonNode? node, JsonNode? root)
    {
        if (stack.Count == 0)
        {
            return node;
        }

        var parent = stack.Peek();
        if (parent.Node is JsonArray array)
        {
            array.Add(node);
        }
        else
        {
            parent.Object![parent.Key!] = node;
            parent.Key = null;
        }

        return root;
    }

    private static JsonValue? ScalarValue(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty && scalar.Value is "" or "~" or "null" or "Null" or "NULL"
            ? null
            : JsonValue.Create(scalar.Value);

    // A short-form tag wraps the node in its long form; YAML's own tags for JSON's types change nothing here.
    private static JsonNode? Tagged(string file, ParsingEvent at, TagName tag, JsonNode? node)
    {
        if (tag.IsEmpty || tag.Value is "!" or "tag:yaml.org,2002:str" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float"
                or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:map" or "tag:yaml.org,2002:seq")
        {
            return node;
        }

        if (tag.Value == "tag:yaml.org,2002:null")
        {
            return null;
        }

        var name = tag.Value.StartsWith('!') ? tag.Value[1..] : tag.Value;
        var function = name switch
        {
            "Ref" or "Condition" => name,
            _ when ShortForms.Contains(name) => "Fn::" + name,
            _ => throw At(file, at, $"the tag {tag.Value} is no CloudFormation intrinsic function (short forms: !Ref, !Condition, !{string.Join(", !", ShortForms)})"),
        };
        return new JsonObject { [function] = node };
    }

    private static InputException At(string file, ParsingEvent e, string message) =>
        new(file, message, checked((int)e.Start.Line), checked((int)e.Start.Column));

    // One open mapping or sequence: the node being filled, its tag, and in a mapping the key awaiting its value.
    private sealed class Frame(JsonNode node, TagName tag, ParsingEvent start)
    {
        public JsonNode Node { get; } = node;

        public JsonObject? Object => Node as JsonObject;

        public TagName Tag { get; } = tag;

        public ParsingEvent Start { get; } = start;

        public string? Key { get; set; }

        public bool ExpectsKey => Node is JsonObject && Key is null;
    }
}
