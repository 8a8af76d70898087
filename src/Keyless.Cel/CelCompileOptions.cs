namespace Keyless.Cel;

/// <summary>Limits and scope for one compile. The GCP presets carry GCP's documented limits and variables.</summary>
public sealed record CelCompileOptions
{
    /// <summary>Longest accepted source, in characters (GCP: condition 4096, mapping expression 2048).</summary>
    public int MaxLength { get; init; } = 4096;

    /// <summary>Deepest accepted nesting of the syntax tree: deeper is a diagnostic, never a stack overflow.</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>The declared root variables, e.g. <c>["assertion"]</c>; null accepts any name.</summary>
    public IReadOnlyList<string>? Variables { get; init; }

    /// <summary>An attribute mapping expression: sees only <c>assertion</c>, at most 2048 characters.</summary>
    public static CelCompileOptions GcpMapping { get; } = new() { MaxLength = 2048, Variables = ["assertion"] };

    /// <summary>An attribute condition: sees <c>assertion</c>, <c>google</c> and <c>attribute</c>, at most 4096 characters.</summary>
    public static CelCompileOptions GcpCondition { get; } =
        new() { MaxLength = 4096, Variables = ["assertion", "google", "attribute"] };
}
