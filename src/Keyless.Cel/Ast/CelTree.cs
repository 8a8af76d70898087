namespace Keyless.Cel;

/// <summary>
/// Walks a syntax tree without recursion (a tree may be as deep as the parser allows), for every reader of the AST:
/// the depth check, the trust's claim readers and the red-team.
/// </summary>
public static class CelTree
{
    /// <summary>A node's direct children, in source order.</summary>
    public static IEnumerable<CelExpr> Children(CelExpr expr)
    {
        ArgumentNullException.ThrowIfNull(expr);
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

    /// <summary>The node and every node under it (each once; parents before their children).</summary>
    public static IEnumerable<CelExpr> Descendants(CelExpr root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var stack = new Stack<CelExpr>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in Children(node))
            {
                stack.Push(child);
            }
        }
    }
}
