using Keyless.Formats.Output;
using Keyless.Scan.Text;
using Keyless.Trust.Findings;

namespace Keyless.Scan.Detectors;

/// <summary>
/// An AWS access key id (<c>AKIA</c>, <c>ASIA</c>, <c>ABIA</c>, <c>ACCA</c> or <c>A3T?</c> then 16 of
/// <c>[A-Z2-7]</c>, whole word). Not a secret alone, but it means a static IAM key exists and its secret is near.
/// Ids ending in <c>EXAMPLE</c> are AWS's documentation placeholders (<c>AKIAIOSFODNN7EXAMPLE</c> in every AWS guide
/// and SDK README), copied into docs and tests, never issued: they are not findings.
/// </summary>
public sealed class AwsAccessKeyId : Detector
{
    private static readonly string[] Prefixes = ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"];

    /// <summary>How AWS marks the key ids (and, as <c>EXAMPLEKEY</c>, the secret keys) of its documentation.</summary>
    internal const string DocumentationSuffix = "EXAMPLE";

    public override RuleDescriptor Descriptor { get; } =
        new("aws-access-key-id", "An AWS access key id shows a static IAM key in use", Severity.Medium);

    public override string Fix =>
        "Deactivate and delete the access key (aws iam delete-access-key), and use an IAM role trusted for the job's id_token instead.";

    public override IReadOnlyList<string> Keywords => Prefixes;

    public override void Find(ScanText text, List<SecretMatch> matches)
    {
        var t = text.Text;
        foreach (var prefix in Prefixes)
        {
            var from = 0;
            while ((from = t.IndexOf(prefix, from, StringComparison.Ordinal)) >= 0)
            {
                var start = from;
                from += prefix.Length;
                var head = prefix.Length == 3 ? 4 : prefix.Length;
                if (prefix.Length == 3 && (start + 3 >= t.Length || !(char.IsAsciiLetterUpper(t[start + 3]) || char.IsAsciiDigit(t[start + 3]))))
                {
                    continue;
                }

                var body = Chars.RunLength(t, start + head, IsBase32, 17);
                var end = start + head + body;
                if (body != 16 || (start > 0 && Chars.IsAlnum(t[start - 1])) || (end < t.Length && Chars.IsAlnum(t[end]))
                    || t.AsSpan(start, end - start).EndsWith(DocumentationSuffix, StringComparison.Ordinal))
                {
                    continue;
                }

                matches.Add(new SecretMatch(start, end - start, t[start..end], "an AWS access key id"));
            }
        }
    }

    private static bool IsBase32(char c) => char.IsAsciiLetterUpper(c) || c is >= '2' and <= '7';
}
