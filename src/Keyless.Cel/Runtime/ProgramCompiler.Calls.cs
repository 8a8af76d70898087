using Keyless.Cel.Library;

namespace Keyless.Cel.Runtime;

/// <summary>Operators and function calls.</summary>
internal sealed partial class ProgramCompiler
{
    private Evaluator Call(CelCall call)
    {
        if (call.Target is null)
        {
            switch (call.Function, call.Args.Count)
            {
                case (CelOperators.LogicalAnd, 2):
                {
                    var a = Node(call.Args[0]);
                    var b = Node(call.Args[1]);
                    return f =>
                    {
                        var l = a(f);
                        return l is CelBoolValue { Value: false } ? l : Logic.And(l, b(f));
                    };
                }

                case (CelOperators.LogicalOr, 2):
                {
                    var a = Node(call.Args[0]);
                    var b = Node(call.Args[1]);
                    return f =>
                    {
                        var l = a(f);
                        return l is CelBoolValue { Value: true } ? l : Logic.Or(l, b(f));
                    };
                }

                case (CelOperators.Conditional, 3):
                {
                    var c = Node(call.Args[0]);
                    var t = Node(call.Args[1]);
                    var e = Node(call.Args[2]);
                    return f => c(f) switch
                    {
                        CelBoolValue { Value: true } => t(f),
                        CelBoolValue => e(f),
                        CelErrorValue err => err,
                        var other => CelErrorValue.NoOverload("_?_:_", other),
                    };
                }

                case (CelOperators.LogicalNot, 1):
                {
                    var a = Node(call.Args[0]);
                    return f => Logic.Not(a(f));
                }

                case (CelOperators.NotStrictlyFalse, 1):
                {
                    var a = Node(call.Args[0]);
                    return f => Logic.NotStrictlyFalse(a(f));
                }
            }
        }

        if (WithLiteral(call) is { } withLiteral)
        {
            return withLiteral;
        }

        // Namespaced functions such as strings.quote(s) parse as a member call on an identifier.
        if (call.Target is CelIdent { Name: var ns } && SlotOf(ns) is null && Functions.IsKnown(ns + "." + call.Function)
            && (_variables is null || !_variables.Contains(ns)))
        {
            call = call with { Target = null, Function = ns + "." + call.Function };
        }

        var args = new List<CelExpr>(call.Args.Count + 1);
        if (call.Target is not null)
        {
            args.Add(call.Target);
        }

        args.AddRange(call.Args);
        var name = call.Function;
        var evaluators = args.Select(Node).ToArray();
        switch (evaluators.Length)
        {
            case 1 when Functions.Unary(name, call.Target is not null) is { } fn1:
            {
                var a = evaluators[0];
                return f => a(f) is var x && x.IsError ? x : fn1(x);
            }

            case 2 when Functions.Binary(name, call.Target is not null) is { } fn2:
            {
                var a = evaluators[0];
                var b = evaluators[1];
                return f =>
                {
                    var x = a(f);
                    if (x.IsError)
                    {
                        return x;
                    }

                    var y = b(f);
                    return y.IsError ? y : fn2(x, y);
                };
            }

            case 3 when Functions.Ternary(name, call.Target is not null) is { } fn3:
            {
                var a = evaluators[0];
                var b = evaluators[1];
                var c = evaluators[2];
                return f =>
                {
                    var x = a(f);
                    if (x.IsError)
                    {
                        return x;
                    }

                    var y = b(f);
                    if (y.IsError)
                    {
                        return y;
                    }

                    var z = c(f);
                    return z.IsError ? z : fn3(x, y, z);
                };
            }

            default:
                if (Functions.Variadic(name, call.Target is not null) is { } fnN)
                {
                    return f =>
                    {
                        var values = new CelValue[evaluators.Length];
                        for (var i = 0; i < values.Length; i++)
                        {
                            values[i] = evaluators[i](f);
                            if (values[i].IsError)
                            {
                                return values[i];
                            }
                        }

                        return fnN(values);
                    };
                }

                // An unknown function is an error value, not a compile error: `f(x) || true` is true, as in cel-go.
                var message = Functions.IsKnown(name)
                    ? $"found no matching overload for '{name}' with {evaluators.Length} argument(s)"
                    : $"undeclared reference to '{name}'";
                return f =>
                {
                    foreach (var e in evaluators)
                    {
                        if (e(f) is { IsError: true } err)
                        {
                            return err;
                        }
                    }

                    return CelValue.Error(message);
                };
        }
    }
}
