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

            foreach (var child in CelTree.Children(expr))
            {
                stack.Push((child, depth + 1));
            }
        }

        return null;
    }
}
