namespace Keyless.Trust.Findings;

/// <summary>One change that closes some of a cause's findings: its text and the rules whose findings it closes.</summary>
public sealed record CauseFix(string Text, IReadOnlyList<string> Rules);
