using Keyless.Formats.Output;
using Keyless.Scan.Text;
using Keyless.Trust.Findings;

namespace Keyless.Scan.Detectors;

/// <summary>
/// GitLab tokens by their documented prefixes (https://docs.gitlab.com/security/tokens/#token-prefixes): a prefix,
/// then at least 20 characters of <c>[A-Za-z0-9_.-]</c>, as a whole word.
/// </summary>
public sealed class GitLabToken : Detector
{
    private const int MinBody = 20;
    private const int MaxBody = 512;

    private static readonly (string Prefix, string Kind)[] Kinds =
    [
        ("glpat-", "a GitLab personal, project or group access token"),
        ("gldt-", "a GitLab deploy token"),
        ("glrt-", "a GitLab runner authentication token"),
        ("GR1348941", "a GitLab runner registration token"),
        ("glptt-", "a GitLab pipeline trigger token"),
        ("glcbt-", "a GitLab CI/CD job token"),
        ("gloas-", "a GitLab OAuth application secret"),
        ("glsoat-", "a GitLab SCIM token"),
        ("glft-", "a GitLab feed token"),
        ("glimt-", "a GitLab incoming mail token"),
        ("glagent-", "a GitLab agent for Kubernetes token"),
        ("glffct-", "a GitLab feature flags client token"),
    ];

    public override RuleDescriptor Descriptor { get; } =
        new("gitlab-token", "A GitLab token is stored where CI can read it", Severity.High);

    public override string Fix =>
        "Revoke the token in GitLab, remove the variable or file, and use CI_JOB_TOKEN or an id_token where the job needs access.";

    public override IReadOnlyList<string> Keywords { get; } = Kinds.Select(k => k.Prefix).ToArray();

    public override void Find(ScanText text, List<SecretMatch> matches)
    {
        var t = text.Text;
        foreach (var (prefix, kind) in Kinds)
        {
            var from = 0;
            while ((from = t.IndexOf(prefix, from, StringComparison.Ordinal)) >= 0)
            {
                var start = from;
                from += prefix.Length;
                var body = Chars.RunLength(t, from, IsTokenChar, MaxBody + 1);
                var end = from + body;
                if (body is < MinBody or > MaxBody || (start > 0 && Chars.IsWordish(t[start - 1])))
                {
                    continue;
                }

                matches.Add(new SecretMatch(start, end - start, t[start..end], kind));
                from = end;
            }
        }
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';
}
