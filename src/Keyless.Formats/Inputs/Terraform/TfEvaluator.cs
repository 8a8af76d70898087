using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs.Hcl;
using Keyless.Trust.Diagnostics;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// Evaluates the values of a Terraform configuration as far as literals take them: the strings of HCL's JSON syntax
/// are templates (<c>${…}</c>), read with the HCL parser. What resolves: literals, string templates, lists and
/// objects, <c>local.*</c>, <c>var.*</c> (from <c>.tfvars</c> or the default, <see cref="TfModuleValues"/>), an
/// attribute of another block written as a literal (or a name Terraform derives from literals,
/// <see cref="TfDerivedNames"/>), the functions of <see cref="TfFunctions"/>, and conditionals and operators over
/// those. Everything else (other functions, <c>count.index</c>, <c>each.*</c>, computed attributes, <c>for</c>) is
/// unknown. Each local, variable and block attribute is evaluated once and remembered, references nest at most
/// <see cref="MaxReferenceDepth"/> deep, and the text and nodes built are capped, so the work stays linear in the
/// configuration whatever it references.
/// </summary>
internal sealed class TfEvaluator(IReadOnlyDictionary<string, TfBlock> blocks, TfModuleValues values, List<string> notes)
{
    public const int MaxReferenceDepth = 32;

    /// <summary>Characters and nodes the evaluation may build in all: far beyond real configurations, far below a blow-up.</summary>
    private const long Budget = 16_000_000;

    private static readonly HashSet<string> UnknownRoots = new(StringComparer.Ordinal) { "count", "each", "self", "path", "terraform", "module" };

    private readonly Dictionary<string, (TfValue Value, List<string> References)> _memo = new(StringComparer.Ordinal);
    private readonly HashSet<string> _active = new(StringComparer.Ordinal);
    private readonly HashSet<string> _defaultsNoted = new(StringComparer.Ordinal);
    private long _spent;
    private int _depth;
    private bool _exhaustedNoted;
    private bool _tooDeepNoted;

    /// <summary>A configuration value (a literal, or strings with <c>${…}</c>), with the addresses of the blocks it references.</summary>
    public TfValue Resolve(JsonNode? node, string module, List<string> references)
    {
        switch (node)
        {
            case JsonValue v when v.TryGetValue<string>(out var s):
                return s.Contains("${", StringComparison.Ordinal) || s.Contains("%{", StringComparison.Ordinal)
                    ? Template(s, module, references)
                    : Charge(s.Length) ? new TfValue(JsonValue.Create(s), true) : TfValue.Unknown;
            case JsonObject o:
                var obj = new JsonObject();
                var known = true;
                foreach (var (key, value) in o)
                {
                    var resolved = Resolve(value, module, references);
                    known &= resolved.Known;
                    obj[key] = resolved.Value;
                }

                return known ? new TfValue(obj, true) : TfValue.Unknown;
            case JsonArray a:
                var array = new JsonArray();
                var allKnown = true;
                foreach (var item in a)
                {
                    var resolved = Resolve(item, module, references);
                    allKnown &= resolved.Known;
                    array.Add(resolved.Value);
                }

                return allKnown ? new TfValue(array, true) : TfValue.Unknown;
            default:
                return Charge(1) ? new TfValue(node?.DeepClone(), true) : TfValue.Unknown;
        }
    }

    /// <summary>A string attribute of a declared block, when it resolves to one.</summary>
    public string? StringAttribute(string address, string attribute, List<string> references) =>
        Attribute(address, attribute, references) is { Known: true, Value: JsonValue v } && v.TryGetValue<string>(out var s) ? s : null;

    private TfValue Template(string text, string module, List<string> references)
    {
        HclTemplate template;
        try
        {
            template = HclParser.ParseTemplate("(template)", text);
        }
        catch (InputException)
        {
            // Terraform would refuse it; Keyless reads the attribute as unknown, as it always has.
            return TfValue.Unknown;
        }

        return Evaluate(template, text, module, references);
    }

    private TfValue Evaluate(HclExpression expression, string text, string module, List<string> references)
    {
        switch (expression)
        {
            case HclLiteral literal:
                return new TfValue(literal.Value?.DeepClone(), true);
            case HclParentheses parentheses:
                return Evaluate(parentheses.Inner, text, module, references);
            case HclTemplate { Wrapped: { } wrapped }:
                return Evaluate(wrapped, text, module, references);
            case HclTemplate template:
                return Concatenate(template, text, module, references);
            case HclTuple tuple:
                var items = tuple.Items.Select(i => Evaluate(i, text, module, references)).ToList();
                return items.All(i => i.Known) ? new TfValue(new JsonArray([.. items.Select(i => i.Value)]), true) : TfValue.Unknown;
            case HclObject obj:
                return Object(obj, text, module, references);
            case HclVariable or HclTraversal:
                return Reference(expression, text, module, references);
            case HclCall call:
                return Call(call, text, module, references);
            case HclUnary unary:
                return TfOperators.Unary(unary.Operator, Evaluate(unary.Operand, text, module, references));
            case HclBinary binary:
                var operands = binary.Operands.Select(o => Evaluate(o, text, module, references)).ToList();
                return TfOperators.Binary(operands, binary.Operators);
            case HclConditional conditional:
                var condition = Evaluate(conditional.Condition, text, module, references);
                return condition is { Known: true, Value: JsonValue c } && c.TryGetValue<bool>(out var b)
                    ? Evaluate(b ? conditional.True : conditional.False, text, module, references)
                    : TfValue.Unknown;
            default:
                return TfValue.Unknown;
        }
    }

    private TfValue Concatenate(HclTemplate template, string text, string module, List<string> references)
    {
        var result = new StringBuilder();
        var known = true;
        foreach (var part in template.Parts)
        {
            switch (part)
            {
                case HclTemplateText literal:
                    result.Append(literal.Text);
                    break;
                case HclTemplateInterpolation interpolation when TfOperators.AsText(Evaluate(interpolation.Expression, text, module, references)) is { } piece:
                    result.Append(piece);
                    break;
                default:
                    known = false;
                    break;
            }
        }

        return known && Charge(result.Length) ? new TfValue(JsonValue.Create(result.ToString()), true) : TfValue.Unknown;
    }

    private TfValue Object(HclObject obj, string text, string module, List<string> references)
    {
        var result = new JsonObject();
        var known = true;
        foreach (var item in obj.Items)
        {
            var key = item.Name ?? TfOperators.AsText(Evaluate(item.Key, text, module, references));
            var value = Evaluate(item.Value, text, module, references);
            if (key is null || !value.Known)
            {
                known = false;
                continue;
            }

            result[key] = value.Value;
        }

        return known ? new TfValue(result, true) : TfValue.Unknown;
    }

    private TfValue Call(HclCall call, string text, string module, List<string> references)
    {
        // Every argument is evaluated, known or not, so the blocks it references are still linked.
        var arguments = call.Arguments.Select(a => Evaluate(a, text, module, references)).ToList();
        if (call.ExpandLast || arguments.Any(a => !a.Known))
        {
            return TfValue.Unknown;
        }

        var result = TfFunctions.Call(call.Name, arguments);
        return result.Known && Charge(Size(result.Value)) ? result : TfValue.Unknown;
    }

    /// <summary><c>local.x…</c>, <c>var.x…</c>, <c>TYPE.NAME.attr…</c>, <c>data.TYPE.NAME.attr…</c>, then any further steps.</summary>
    private TfValue Reference(HclExpression expression, string text, string module, List<string> references)
    {
        var (root, steps) = expression switch
        {
            HclTraversal { Source: HclVariable v } t => (v.Name, t.Steps),
            HclVariable v => (v.Name, (IReadOnlyList<HclStep>)[]),
            _ => (null, []),
        };
        if (root is null || UnknownRoots.Contains(root))
        {
            return TfValue.Unknown;
        }

        var names = steps.TakeWhile(s => s.Attribute is not null).Select(s => s.Attribute!).ToList();
        TfValue value;
        int used;
        switch (root)
        {
            case "local" when names.Count >= 1:
                value = Memo($"local\0{module}\0{names[0]}", references, r =>
                    values.TryLocal(module, names[0], out var local) ? Resolve(local, module, r) : TfValue.Unknown);
                used = 1;
                break;
            case "var" when names.Count >= 1:
                value = Memo($"var\0{module}\0{names[0]}", references, r => Default(module, names[0], r));
                used = 1;
                break;
            case "data" when names.Count >= 3:
                references.Add($"data.{names[0]}.{names[1]}");
                value = Attribute($"data.{names[0]}.{names[1]}", names[2], references);
                used = 3;
                break;
            case not ("local" or "var" or "data") when names.Count >= 2:
                references.Add($"{root}.{names[0]}");
                value = Attribute($"{root}.{names[0]}", names[1], references);
                used = 2;
                break;
            default:
                if (root is not ("local" or "var" or "data") && names.Count == 1)
                {
                    // TYPE.NAME alone still links the two blocks.
                    references.Add($"{root}.{names[0]}");
                }

                return TfValue.Unknown;
        }

        foreach (var step in steps.Skip(used))
        {
            if (!value.Known)
            {
                return value;
            }

            value = TfOperators.Step(value.Value, step.Splat ? null : step.Attribute is { } name ? JsonValue.Create(name) : Evaluate(step.Index!, text, module, references) is { Known: true } key ? key.Value : null);
        }

        return value;
    }

    private TfValue Default(string module, string name, List<string> references)
    {
        if (!values.TryVariable(module, name, out var value, out var source, out var isDefault))
        {
            return TfValue.Unknown;
        }

        if (isDefault && _defaultsNoted.Add(module + "\0" + name))
        {
            notes.Add($"var.{name} ({source}): its default is used; a value from -var, TF_VAR_{name} or a .tfvars file not given is not seen.");
        }

        return Resolve(value, module, references);
    }

    /// <summary>An attribute of a declared block: its own value, or a name Terraform derives from its literals.</summary>
    private TfValue Attribute(string address, string attribute, List<string> references)
    {
        if (!blocks.TryGetValue(address, out var block))
        {
            return TfValue.Unknown;
        }

        return Memo($"attr\0{address}\0{attribute}", references, r =>
        {
            if (block.Attributes.ContainsKey(attribute))
            {
                return Resolve(block.Attributes[attribute], block.Module, r);
            }

            return TfDerivedNames.Derive(block.Type, attribute, a => StringAttribute(address, a, r)) is { } derived
                ? new TfValue(JsonValue.Create(derived), true)
                : TfValue.Unknown;
        });
    }

    /// <summary>Evaluates once per key; a reference back into a value being evaluated, or too deep, is unknown.</summary>
    private TfValue Memo(string key, List<string> references, Func<List<string>, TfValue> evaluate)
    {
        if (!_memo.TryGetValue(key, out var entry))
        {
            if (_depth >= MaxReferenceDepth)
            {
                if (!_tooDeepNoted)
                {
                    _tooDeepNoted = true;
                    notes.Add($"references nest more than {MaxReferenceDepth} deep (a local naming a local naming …); the deeper ones are read as unknown.");
                }

                return TfValue.Unknown;
            }

            if (!_active.Add(key))
            {
                return TfValue.Unknown;
            }

            _depth++;
            var found = new List<string>();
            entry = (evaluate(found), found);
            _depth--;
            _active.Remove(key);
            _memo[key] = entry;
        }

        references.AddRange(entry.References);
        return entry.Value.Known && Charge(Size(entry.Value.Value)) ? new TfValue(entry.Value.Value?.DeepClone(), true) : entry.Value with { Value = null };
    }

    internal static long Size(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length + 1,
        JsonObject o => 1 + o.Sum(p => p.Key.Length + Size(p.Value)),
        JsonArray a => 1 + a.Sum(Size),
        _ => 1,
    };

    private bool Charge(long amount)
    {
        _spent += amount;
        if (_spent <= Budget)
        {
            return true;
        }

        if (!_exhaustedNoted)
        {
            _exhaustedNoted = true;
            notes.Add($"the configuration's values build more than {Budget:N0} characters when resolved; the rest is read as unknown.");
        }

        return false;
    }
}
