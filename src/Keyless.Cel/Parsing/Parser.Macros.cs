namespace Keyless.Cel.Parsing;

/// <summary>Macro expansion exactly as cel-go does it, so the tree and the error semantics match.</summary>
internal sealed partial class Parser
{
    private const string Accumulator = "@result";

    private CelExpr GlobalCallOrMacro(int start, string function, List<CelExpr> args, int end)
    {
        if (function == "has" && args.Count == 1)
        {
            return args[0] is CelSelect { TestOnly: false } select
                ? new CelSelect(NextId(), start, end - start, select.Operand, select.Field, true)
                : throw new SyntaxException("invalid argument to has() macro", args[0].Offset);
        }

        return Call(start, end, null, function, [.. args]);
    }

    private CelExpr MemberCallOrMacro(CelExpr target, string function, List<CelExpr> args, int end)
    {
        var start = target.Offset;
        var macro = (function, args.Count) switch
        {
            ("all", 2) or ("exists", 2) or ("exists_one", 2) or ("map", 2) or ("map", 3) or ("filter", 2) => true,
            _ => false,
        };
        if (!macro)
        {
            return Call(start, end, target, function, [.. args]);
        }

        if (args[0] is not CelIdent { Name: var iterVar } || iterVar.StartsWith('.'))
        {
            throw new SyntaxException("argument must be a simple name", args[0].Offset);
        }

        if (iterVar == Accumulator)
        {
            throw new SyntaxException("iteration variable overwrites accumulator variable", args[0].Offset);
        }

        CelIdent Accu() => new(NextId(), start, end - start, Accumulator);
        CelConst Const(CelValue v) => new(NextId(), start, end - start, v);
        CelCall Op(string fn, params CelExpr[] a) => Call(start, end, null, fn, a);

        CelExpr init, condition, step, result;
        switch (function)
        {
            case "all":
                init = Const(CelValue.True);
                condition = Op(CelOperators.NotStrictlyFalse, Accu());
                step = Op(CelOperators.LogicalAnd, Accu(), args[1]);
                result = Accu();
                break;
            case "exists":
                init = Const(CelValue.False);
                condition = Op(CelOperators.NotStrictlyFalse, Op(CelOperators.LogicalNot, Accu()));
                step = Op(CelOperators.LogicalOr, Accu(), args[1]);
                result = Accu();
                break;
            case "exists_one":
                init = Const(CelValue.Of(0L));
                condition = Const(CelValue.True);
                step = Op(CelOperators.Conditional, args[1], Op(CelOperators.Add, Accu(), Const(CelValue.Of(1L))), Accu());
                result = Op(CelOperators.Equal, Accu(), Const(CelValue.Of(1L)));
                break;
            case "map":
                init = new CelList(NextId(), start, end - start, []);
                condition = Const(CelValue.True);
                var transform = args[^1];
                var append = Op(CelOperators.Add, Accu(), new CelList(NextId(), transform.Offset, transform.Length, [transform]));
                step = args.Count == 3 ? Op(CelOperators.Conditional, args[1], append, Accu()) : append;
                result = Accu();
                break;
            default: // filter
                init = new CelList(NextId(), start, end - start, []);
                condition = Const(CelValue.True);
                var keep = Op(CelOperators.Add, Accu(), new CelList(NextId(), args[0].Offset, args[0].Length, [new CelIdent(NextId(), args[0].Offset, args[0].Length, iterVar)]));
                step = Op(CelOperators.Conditional, args[1], keep, Accu());
                result = Accu();
                break;
        }

        return new CelComprehension(NextId(), start, end - start, iterVar, target, Accumulator, init, condition, step, result, function);
    }
}
