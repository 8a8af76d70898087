namespace Keyless.Trust.Identities;

/// <summary>One identity's answer for one token: allow, deny or indeterminate, with reasons in full sentences
/// (the cloud's words first, then which claim, its value and what was expected).</summary>
public sealed record Decision(Identity Identity, Verdict Verdict, IReadOnlyList<string> Reasons, DecidingClause? Clause)
{
    public bool IsAllowed => Verdict == Verdict.Allow;
}
