using Keyless.Formats.Output;
using Keyless.GitLab.Api;

namespace Keyless.Scan.Detectors;

/// <summary>
/// One kind of static credential. A detector overrides the hook it needs (content, or a withheld variable's
/// metadata); both default to finding nothing. Content detectors must be linear in the text: hand-written
/// matching from keyword hits, never a backtracking regex.
/// </summary>
public abstract class Detector
{
    /// <summary>Id (kebab-case; also the docs page docs/scan/&lt;id&gt;.md), summary and base severity.</summary>
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>What to do about a finding, in the user's terms.</summary>
    public abstract string Fix { get; }

    /// <summary>
    /// Text the content must contain (ASCII, case-insensitive) for <see cref="Find"/> to run at all: a cheap
    /// prefilter. Empty means the detector has no content hook.
    /// </summary>
    public virtual IReadOnlyList<string> Keywords => [];

    /// <summary>Adds the secrets found in <paramref name="text"/> to <paramref name="matches"/>.</summary>
    public virtual void Find(ScanText text, List<SecretMatch> matches)
    {
    }

    /// <summary>
    /// For a variable whose value the API does not return (masked and hidden): why its metadata alone points at
    /// a stored credential, or null.
    /// </summary>
    public virtual string? JudgeWithheld(GitLabVariable variable) => null;
}
