using Keyless.Cel.Parsing;

namespace Keyless.Cel.Runtime;

internal sealed record CompileOutput(Evaluator? Root, int Slots, TraceNode? Trace, SyntaxError? Error);

/// <summary>
/// Turns the checked tree into nested closures once: names are resolved to slots or variables, functions to
/// their implementations and constant regexes to compiled matchers, so evaluation does no lookup by name
/// beyond the activation itself.
/// </summary>
internal sealed partial class ProgramCompiler
{
    private readonly HashSet<string>? _variables;
    private readonly List<(string Name, int Slot)> _scope = [];
    private int _maxSlots;

    private ProgramCompiler(IReadOnlyList<string>? variables) =>
        _variables = variables is null ? null : new HashSet<string>(variables, StringComparer.Ordinal);

    public static CompileOutput Compile(CelExpr ast, IReadOnlyList<string>? variables)
    {
        try
        {
            var compiler = new ProgramCompiler(variables);
            var root = compiler.Node(ast);
            var trace = compiler.Trace(ast, root);
            return new CompileOutput(root, compiler._maxSlots, trace, null);
        }
        catch (SyntaxException e)
        {
            return new CompileOutput(null, 0, null, new SyntaxError(e.Message, e.Offset));
        }
    }

    private Evaluator Node(CelExpr expr) => expr switch
    {
        CelConst c => Constant(c.Value),
        CelIdent i => Ident(i),
        CelSelect s => Select(s),
        CelCall c => Call(c),
        CelList l => List(l),
        CelMap m => Map(m),
        CelComprehension c => Comprehension(c),
        _ => throw new SyntaxException("unsupported expression", expr.Offset),
    };

    private static Evaluator Constant(CelValue value) => _ => value;

    private TraceNode Trace(CelExpr expr, Evaluator? compiled = null)
    {
        if (expr is CelCall { Target: null } call)
        {
            switch (call.Function)
            {
                case CelOperators.LogicalAnd when call.Args.Count == 2:
                    return new TraceNode.And(Trace(call.Args[0]), Trace(call.Args[1]));
                case CelOperators.LogicalOr when call.Args.Count == 2:
                    return new TraceNode.Or(Trace(call.Args[0]), Trace(call.Args[1]));
                case CelOperators.LogicalNot when call.Args.Count == 1:
                    return new TraceNode.Not(Trace(call.Args[0]));
                case CelOperators.Conditional when call.Args.Count == 3:
                    return new TraceNode.Conditional(Trace(call.Args[0]), Trace(call.Args[1]), Trace(call.Args[2]));
            }
        }

        return new TraceNode.Leaf(expr, compiled ?? Node(expr));
    }

    private int? SlotOf(string name)
    {
        for (var i = _scope.Count - 1; i >= 0; i--)
        {
            if (_scope[i].Name == name)
            {
                return _scope[i].Slot;
            }
        }

        return null;
    }

    private Evaluator Ident(CelIdent ident)
    {
        var name = ident.Name.StartsWith('.') ? ident.Name[1..] : ident.Name;
        if (!ident.Name.StartsWith('.') && SlotOf(name) is { } slot)
        {
            return f => f.Slots[slot];
        }

        if (Variable(ident) is not var (variable, fallback))
        {
            return Constant(CelTypeValue.ByName(name)!);
        }

        return f => f.Activation.TryGet(variable, out var v) ? v : fallback;
    }

    /// <summary>
    /// The activation variable an identifier reads and its value when unbound (the type of that name, or an
    /// error); null when the name is a type that no declared variable shadows. Comprehension variables are
    /// resolved before this.
    /// </summary>
    private (string Name, CelValue Fallback)? Variable(CelIdent ident)
    {
        var name = ident.Name.StartsWith('.') ? ident.Name[1..] : ident.Name;
        var type = CelTypeValue.ByName(name);
        if (_variables is not null && !_variables.Contains(name))
        {
            return type is not null
                ? null
                : throw new SyntaxException($"undeclared reference to '{name}'", ident.Offset);
        }

        // The interned instance when there is one: callers bind literals ("assertion"), and the activation's
        // name scan then succeeds on the reference check. Never interns a new name (user input).
        return (string.IsInterned(name) ?? name, type ?? CelValue.Error("no such attribute: " + name));
    }

    /// <summary>The dotted name of a chain of selects on an identifier (<c>a.b.c</c>), or null.</summary>
    private string? QualifiedName(CelExpr expr) => expr switch
    {
        CelIdent i when SlotOf(i.Name) is null => i.Name.TrimStart('.'),
        CelSelect { TestOnly: false } s when QualifiedName(s.Operand) is { } prefix => prefix + "." + s.Field,
        _ => null,
    };

    private Evaluator Select(CelSelect select)
    {
        var qualified = select.TestOnly ? null : QualifiedName(select);
        if (qualified is not null && CelTypeValue.ByName(qualified) is { } type)
        {
            return Constant(type);
        }

        if (qualified is not null && _variables is not null && _variables.Contains(qualified))
        {
            return f => f.Activation.TryGet(qualified, out var v) ? v : CelValue.Error("no such attribute: " + qualified);
        }

        var field = select.Field;
        var key = CelValue.Of(field);
        Evaluator plain;
        if (!select.TestOnly && select.Operand is CelIdent ident && (ident.Name.StartsWith('.') || SlotOf(ident.Name) is null)
            && Variable(ident) is var (variable, fallback))
        {
            // assertion.sub: the variable and the field read in one node, the commonest operand of a condition.
            plain = f => Field(f.Activation.TryGet(variable, out var v) ? v : fallback, key, field);
        }
        else
        {
            var operand = Node(select.Operand);
            plain = select.TestOnly
                ? f => Has(operand(f), key, field)
                : f => Field(operand(f), key, field);
        }
        if (qualified is null || _variables is not null)
        {
            return plain;
        }

        // Undeclared variables: a variable named "a.b" wins over field b of variable a, as in cel-go.
        return f => f.Activation.HasDottedNames && f.Activation.TryGet(qualified, out var v) ? v : plain(f);
    }

    internal static CelValue Field(CelValue operand, CelValue key, string field) => operand switch
    {
        CelMapValue map => map.TryGet(key, out var v) ? v : CelValue.Error("no such key: " + field),
        CelErrorValue => operand,
        _ => CelValue.Error($"type '{operand.Type.Name()}' does not support field selection"),
    };

    private static CelValue Has(CelValue operand, CelValue key, string field) => operand switch
    {
        CelMapValue map => CelValue.Of(map.TryGet(key, out _)),
        CelErrorValue => operand,
        _ => CelValue.Error($"invalid type for has({field}): {operand.Type.Name()}"),
    };

    /// <summary>
    /// The value of a literal, or of a list or map literal built only of literals: such a value is built once at
    /// compile time instead of on every evaluation (evaluation is pure, so it is the same value each time).
    /// </summary>
    private static CelValue? ConstantOf(CelExpr expr)
    {
        switch (expr)
        {
            case CelConst c:
                return c.Value;
            case CelList l:
                var items = new CelValue[l.Elements.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    if (ConstantOf(l.Elements[i]) is not { } item)
                    {
                        return null;
                    }

                    items[i] = item;
                }

                return items.Length == 0 ? CelListValue.Empty : new CelListValue(items);
            case CelMap m:
                var entries = new KeyValuePair<CelValue, CelValue>[m.Entries.Count];
                for (var i = 0; i < entries.Length; i++)
                {
                    if (ConstantOf(m.Entries[i].Key) is not { } key || ConstantOf(m.Entries[i].Value) is not { } value)
                    {
                        return null;
                    }

                    entries[i] = new(key, value);
                }

                return CelMapValue.Create(entries);
            default:
                return null;
        }
    }

    private Evaluator List(CelList list)
    {
        if (ConstantOf(list) is { } constant)
        {
            return Constant(constant);
        }

        var items = list.Elements.Select(Node).ToArray();
        if (items.Length == 0)
        {
            return Constant(CelListValue.Empty);
        }

        return f =>
        {
            var values = new CelValue[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                var v = items[i](f);
                if (v.IsError)
                {
                    return v;
                }

                values[i] = v;
            }

            return new CelListValue(values);
        };
    }

    private Evaluator Map(CelMap map)
    {
        if (ConstantOf(map) is { } constant)
        {
            return Constant(constant);
        }

        var keys = map.Entries.Select(e => Node(e.Key)).ToArray();
        var values = map.Entries.Select(e => Node(e.Value)).ToArray();
        return f =>
        {
            var entries = new KeyValuePair<CelValue, CelValue>[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                entries[i] = new(keys[i](f), values[i](f));
            }

            return CelMapValue.Create(entries);
        };
    }

    private Evaluator Comprehension(CelComprehension c)
    {
        var range = Node(c.IterRange);
        var init = Node(c.AccuInit);
        var accuSlot = _scope.Count;
        _scope.Add((c.AccuVar, accuSlot));
        var iterSlot = _scope.Count;
        _scope.Add((c.IterVar, iterSlot));
        _maxSlots = Math.Max(_maxSlots, _scope.Count);
        if (AppendLoop(c, iterSlot) is { } appendLoop)
        {
            _scope.RemoveRange(_scope.Count - 2, 2);
            return f => Iterate(range(f), appendLoop, f);
        }

        var condition = Node(c.LoopCondition);
        var step = Node(c.LoopStep);
        _scope.RemoveAt(_scope.Count - 1);
        var result = Node(c.Result);
        _scope.RemoveAt(_scope.Count - 1);

        return f =>
        {
            var r = range(f);
            IReadOnlyList<CelValue> items;
            switch (r)
            {
                case CelListValue l:
                    items = l.Items;
                    break;
                case CelMapValue m:
                    items = [.. m.Entries.Select(e => e.Key)];
                    break;
                case CelErrorValue:
                    return r;
                default:
                    return CelValue.Error($"expression of type '{r.Type.Name()}' cannot be range of a comprehension");
            }

            var slots = f.Slots;
            var savedAccu = slots[accuSlot];
            var savedIter = slots[iterSlot];
            slots[accuSlot] = init(f);
            foreach (var item in items)
            {
                slots[iterSlot] = item;
                if (condition(f) is CelBoolValue { Value: false })
                {
                    break;
                }

                slots[accuSlot] = step(f);
            }

            var value = result(f);
            slots[accuSlot] = savedAccu;
            slots[iterSlot] = savedIter;
            return value;
        };
    }

    private static CelValue Iterate(CelValue range, Func<IReadOnlyList<CelValue>, Frame, CelValue> loop, Frame f) => range switch
    {
        CelListValue l => loop(l.Items, f),
        CelMapValue m => loop([.. m.Entries.Select(e => e.Key)], f),
        CelErrorValue => range,
        _ => CelValue.Error($"expression of type '{range.Type.Name()}' cannot be range of a comprehension"),
    };

    /// <summary>
    /// map and filter as cel-go expands them append one element per step (<c>@result + [x]</c>), which is
    /// quadratic when run literally; the same semantics with one list builder: the first error wins, a
    /// non-bool predicate is an error.
    /// </summary>
    private Func<IReadOnlyList<CelValue>, Frame, CelValue>? AppendLoop(CelComprehension c, int iterSlot)
    {
        if (c.Macro is not ("map" or "filter"))
        {
            return null;
        }

        static CelExpr? Appended(CelExpr step, string accu) =>
            step is CelCall { Function: CelOperators.Add, Args: [CelIdent a, CelList { Elements: [var item] }] } && a.Name == accu ? item : null;

        CelExpr? predicate = null;
        var transform = Appended(c.LoopStep, c.AccuVar);
        if (transform is null
            && c.LoopStep is CelCall { Function: CelOperators.Conditional, Args: [var p, var then, CelIdent otherwise] }
            && otherwise.Name == c.AccuVar)
        {
            predicate = p;
            transform = Appended(then, c.AccuVar);
        }

        if (transform is null)
        {
            return null;
        }

        var test = predicate is null ? null : Node(predicate);
        var value = Node(transform);
        return (items, f) =>
        {
            var slots = f.Slots;
            var saved = slots[iterSlot];
            var output = new List<CelValue>(items.Count);
            CelValue? error = null;
            foreach (var item in items)
            {
                slots[iterSlot] = item;
                if (test is not null)
                {
                    var keep = test(f);
                    if (keep is not CelBoolValue b)
                    {
                        error = keep.IsError ? keep : CelErrorValue.NoOverload("_?_:_", keep);
                        break;
                    }

                    if (!b.Value)
                    {
                        continue;
                    }
                }

                var v = value(f);
                if (v.IsError)
                {
                    error = v;
                    break;
                }

                output.Add(v);
            }

            slots[iterSlot] = saved;
            return error ?? new CelListValue([.. output]);
        };
    }
}
