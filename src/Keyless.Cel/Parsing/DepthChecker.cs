namespace Keyless.Cel.Parsing;

/// <summary>Finds a node nested deeper than the limit, without recursion (the tree may be hostile).</summary>
internal static class DepthChecker
{
    public static CelExpr? FirstTooDeep(CelExpr root, int maxDepth)
    {
        var stack = new Stack<(CelExpr Expr, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (expr, depth) = stack.Pop();
            if (depth > maxDepth)
            {
                return expr;
            }

            foreach (var child in Children(expr))
            {
                stack.Push((child, depth + 1));
            }
        }

        return null;
    }

    public static IEnumerable<CelExpr> Children(CelExpr expr)
    {
        switch (expr)
        {
            case CelSelect s:
                yield return s.Operand;
                break;
            case CelCall c:
                if (c.Target is not null)
                {
                    yield return c.Target;
                }

                foreach (var a in c.Args)
                {
                    yield return a;
                }

                break;
            case CelList l:
                foreach (var e in l.Elements)
                {
                    yield return e;
                }

                break;
            case CelMap m:
                foreach (var e in m.Entries)
                {
                    yield return e.Key;
                    yield return e.Value;
                }

                break;
            case CelComprehension c:
                yield return c.IterRange;
                yield return c.AccuInit;
                yield return c.LoopCondition;
                yield return c.LoopStep;
                yield return c.Result;
                break;
        }
    }
}
