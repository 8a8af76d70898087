namespace Keyless.Cel;

/// <summary>One leaf clause: its text as the user wrote it, its span in the source, and its value.</summary>
public sealed record CelClause(string Source, int Offset, int Length, CelValue Value);
