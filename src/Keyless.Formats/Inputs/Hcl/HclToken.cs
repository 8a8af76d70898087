namespace Keyless.Formats.Inputs.Hcl;

/// <summary>One token: its kind and where it is in the text (offsets, end exclusive).</summary>
internal readonly record struct HclToken(HclTokenKind Kind, int Start, int End);
