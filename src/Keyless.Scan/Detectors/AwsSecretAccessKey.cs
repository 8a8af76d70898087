using Keyless.Formats.Output;
using Keyless.Scan.Text;
using Keyless.Trust.Findings;

namespace Keyless.Scan.Detectors;

/// <summary>
/// An AWS secret access key: 40 characters of <c>[A-Za-z0-9/+]</c>, recognised by its name because the value
/// alone looks like any base64 — either a variable named like <c>AWS_SECRET_ACCESS_KEY</c> whose whole value is
/// one, or <c>aws…secret…</c> followed by <c>=</c> or <c>:</c> and one in a file.
/// </summary>
public sealed class AwsSecretAccessKey : Detector
{
    private const int SecretLength = 40;

    public override RuleDescriptor Descriptor { get; } =
        new("aws-secret-access-key", "An AWS secret access key is stored where CI can read it", Severity.High);

    public override string Fix =>
        "Deactivate and delete the access key (aws iam delete-access-key), remove the variable or file, "
        + "and use an IAM role trusted for the job's id_token instead.";

    public override IReadOnlyList<string> Keywords { get; } = ["aws"];

    public override void Find(ScanText text, List<SecretMatch> matches)
    {
        var t = text.Text;
        if (text.VariableName is { } name && SaysAwsSecret(name))
        {
            var value = t.Trim();
            if (IsSecret(value, 0, value.Length))
            {
                matches.Add(new SecretMatch(t.IndexOf(value, StringComparison.Ordinal), value.Length, value, "an AWS secret access key"));
                return;
            }
        }

        foreach (var at in Chars.IndexesOf(t, "aws"))
        {
            // The identifier around "aws" must also say "secret": aws_secret_access_key, AWS_SECRET, awsSecretKey…
            var identStart = at;
            while (identStart > 0 && IsIdentChar(t[identStart - 1]) && at - identStart < 64)
            {
                identStart--;
            }

            var identEnd = at + Chars.RunLength(t, at, IsIdentChar, 64);
            if (!SaysAwsSecret(t[identStart..identEnd]))
            {
                continue;
            }

            var i = identEnd;
            var limit = Math.Min(t.Length, identEnd + 8);
            var sawAssign = false;
            while (i < limit && t[i] is ' ' or '\t' or '"' or '\'' or '=' or ':' or '>')
            {
                sawAssign |= t[i] is '=' or ':';
                i++;
            }

            var length = Chars.RunLength(t, i, Chars.IsBase64, SecretLength + 1);
            if (sawAssign && IsSecret(t, i, length))
            {
                matches.Add(new SecretMatch(i, length, t.Substring(i, length), "an AWS secret access key"));
            }
        }
    }

    private static bool SaysAwsSecret(string identifier) =>
        identifier.Contains("aws", StringComparison.OrdinalIgnoreCase)
        && identifier.Contains("secret", StringComparison.OrdinalIgnoreCase);

    // Exactly 40 key characters with letters and digits mixed: a lone word or a path is not a key. AWS's documentation
    // placeholder (wJalrXUtnFEMI/K7MDENG/bPxRfiCY…, ending EXAMPLEKEY) is not one either.
    private static bool IsSecret(string text, int start, int length)
    {
        if (length != SecretLength || start + length > text.Length || (start + length < text.Length && Chars.IsBase64(text[start + length])))
        {
            return false;
        }

        var span = text.AsSpan(start, length);
        if (span.EndsWith(AwsAccessKeyId.DocumentationSuffix + "KEY", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in span)
        {
            if (!Chars.IsBase64(c))
            {
                return false;
            }
        }

        return span.ContainsAnyInRange('0', '9') && span.ContainsAnyInRange('a', 'z') && span.ContainsAnyInRange('A', 'Z');
    }

    private static bool IsIdentChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';
}
