using Keyless.Cel;

namespace Keyless.Trust.Claims;

/// <summary>
/// The claims a GCP CEL expression reads, found in its syntax tree: <c>assertion.NAME</c> and
/// <c>assertion['NAME']</c>. Text that only looks like one (inside a string literal, or <c>myassertion.x</c>) is not.
/// </summary>
public static class AssertionReads
{
    private const string Assertion = "assertion";

    /// <summary>The claim a node reads, or null when it is not a claim read.</summary>
    public static string? ClaimOf(CelExpr expr) => expr switch
    {
        CelSelect { Operand: CelIdent { Name: Assertion }, Field: var field, TestOnly: false } => field,
        CelCall { Function: CelOperators.Index, Args: [CelIdent { Name: Assertion }, CelConst key] } when key.Value.TryGetString(out var k) => k,
        _ => null,
    };

    /// <summary>Every claim the expression reads, once each, in source order.</summary>
    /// <param name="expr">The expression.</param>
    /// <param name="presence">Also the claims it only tests for (<c>has(assertion.NAME)</c>), as messages name them.</param>
    public static IReadOnlyList<string> In(CelExpr expr, bool presence = false) => Within(expr, 0, int.MaxValue, presence);

    /// <summary>As <see cref="In"/>, for the reads that lie inside the source span [offset, offset + length).</summary>
    public static IReadOnlyList<string> Within(CelExpr expr, int offset, int length, bool presence = false)
    {
        ArgumentNullException.ThrowIfNull(expr);
        var end = (long)offset + length;
        return CelTree.Descendants(expr)
            .Where(node => node.Offset >= offset && node.Offset + node.Length <= end)
            .Select(node => (node.Offset, Claim: presence && node is CelSelect { TestOnly: true } test ? ClaimOf(test with { TestOnly = false }) : ClaimOf(node)))
            .Where(read => read.Claim is not null)
            .OrderBy(read => read.Offset)
            .Select(read => read.Claim!)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }
}
