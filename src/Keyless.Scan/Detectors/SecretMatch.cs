namespace Keyless.Scan.Detectors;

/// <summary>
/// One secret found in a text. <see cref="Secret"/> exists only to be fingerprinted and is never rendered;
/// <see cref="Kind"/>, <see cref="Identity"/> and <see cref="Detail"/> must never contain secret material.
/// </summary>
/// <param name="Start">Offset of the match in the scanned text (for the line number).</param>
/// <param name="Length">Length of the match.</param>
/// <param name="Secret">The secret itself, normalised, to hash.</param>
/// <param name="Kind">What it is, as a noun phrase ("a GitLab personal access token").</param>
/// <param name="Identity">Whose credential it is, when the text says (a service account email).</param>
/// <param name="Detail">Non-secret detail that helps find and revoke it (a key id).</param>
public sealed record SecretMatch(int Start, int Length, string Secret, string Kind, string? Identity = null, string? Detail = null)
{
    /// <summary>Set when the secret was found inside a base64 run of the original text.</summary>
    public bool Base64Encoded { get; init; }

    public int End => Start + Length;

    // A record prints every member; the secret must not reach a log, a debugger view or a failing assertion.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Start = {Start}, Length = {Length}, Kind = {Kind}, Identity = {Identity}, Detail = {Detail}, Base64Encoded = {Base64Encoded}");
        return true;
    }
}
