using Keyless.GitLab.Lint.Shell;

namespace Keyless.GitLab.Lint.Flow;

/// <summary>
/// Commands that keep only the header or payload of a JWT, never its signature: <c>cut -d. -f2</c>,
/// <c>awk -F. '{print $2}'</c>, <c>jq -R 'split(".") | .[1]'</c>, <c>${TOKEN%.*}</c>. What comes out are the claims
/// (GitLab's troubleshooting docs decode them so), which no relying party accepts without the signature.
/// </summary>
internal static class ClaimsOnly
{
    /// <summary>True when <paramref name="command"/> selects only the first two dot-separated segments of its input.</summary>
    public static bool Keeps(ShellCommand command)
    {
        var words = command.Arguments.Select(w => w.Text).ToList();
        return command.Name switch
        {
            "cut" => Delimiter(words, "-d", "--delimiter") == "." && Fields(Delimiter(words, "-f", "--fields")),
            "awk" or "gawk" or "mawk" => Delimiter(words, "-F", "--field-separator") is "." or "\\." or "[.]"
                && words.LastOrDefault(w => !w.StartsWith('-') && w.Contains("print", StringComparison.Ordinal)) is { } program
                && (program.Contains("$1", StringComparison.Ordinal) || program.Contains("$2", StringComparison.Ordinal))
                && !program.Contains("$0", StringComparison.Ordinal) && !program.Contains("$3", StringComparison.Ordinal)
                && !program.Contains("$NF", StringComparison.Ordinal),
            "jq" or "gojq" or "jaq" => words.Any(w => w.Contains("split(\".\")", StringComparison.Ordinal)
                && (w.Contains(".[1]", StringComparison.Ordinal) || w.Contains(".[0]", StringComparison.Ordinal))
                && !w.Contains(".[2]", StringComparison.Ordinal) && !w.Contains("join", StringComparison.Ordinal)),
            _ => false,
        };
    }

    /// <summary><c>${NAME%.*}</c> (header and payload) or <c>${NAME%%.*}</c> (header): the signature is cut off.</summary>
    public static bool Keeps(ShellWord word) =>
        word.Text.Contains("%.*}", StringComparison.Ordinal) || word.Text.Contains("%%.*}", StringComparison.Ordinal);

    /// <summary>The value of an option written <c>-d.</c>, <c>-d .</c>, <c>--delimiter=.</c> or <c>--delimiter .</c>.</summary>
    private static string? Delimiter(List<string> words, string shortName, string longName)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if ((word == shortName || word == longName) && i + 1 < words.Count)
            {
                return words[i + 1];
            }

            if (word.StartsWith(longName + "=", StringComparison.Ordinal))
            {
                return word[(longName.Length + 1)..];
            }

            if (word.StartsWith(shortName, StringComparison.Ordinal) && !word.StartsWith("--", StringComparison.Ordinal) && word.Length > shortName.Length)
            {
                return word[shortName.Length..];
            }
        }

        return null;
    }

    /// <summary>A field list (<c>2</c>, <c>1,2</c>, <c>1-2</c>) that names no field past the payload.</summary>
    private static bool Fields(string? list) =>
        list is { Length: > 0 } && list.Split(',').All(part =>
            part.Split('-') is var bounds && bounds.Length <= 2 && bounds.All(b => b is "1" or "2") && !part.EndsWith('-'));
}
