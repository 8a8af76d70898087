namespace Keyless.Formats.Output;

/// <summary><c>--group-by</c>: how a report of audit findings is laid out.</summary>
public enum FindingGrouping
{
    /// <summary>One entry per root cause (the resource the fix edits) listing the identities it exposes.</summary>
    Cause,

    /// <summary>One entry per identity × persona × rule, as the engine finds them.</summary>
    Identity,
}
