using System.Text;

namespace Keyless.GitLab.Pipeline;

/// <summary>
/// The functions of an interpolation block (<c>$[[ inputs.name | truncate(0,8) ]]</c>), as GitLab defines them
/// (lib/gitlab/ci/config/interpolation/functions/): <c>expand_vars</c>, <c>truncate(offset,length)</c>,
/// <c>posix_escape</c> and <c>posix_quote</c> (Ruby's <c>Shellwords.escape</c>), <c>split('separator')</c>. Each
/// takes a string; anything else is the error GitLab reports.
/// </summary>
internal static class InterpolationFunction
{
    /// <summary>GitLab's Block::MAX_FUNCTIONS.</summary>
    public const int MaxFunctions = 3;

    /// <summary>The function applied to <paramref name="value"/>, or the error GitLab gives (then the result is null).</summary>
    public static PipelineNode? Apply(string expression, PipelineNode value, SourceLocation at, out string? error)
    {
        var name = expression.Split('(', 2)[0].Trim();
        if (name is not ("expand_vars" or "truncate" or "posix_escape" or "posix_quote" or "split") || !Matches(name, expression))
        {
            error = $"no function matching `{expression}`: check that the function name, arguments, and types are correct";
            return null;
        }

        if (value is not PipelineScalar scalar || RubyValue.Of(scalar) != RubyValue.Kind.String)
        {
            error = $"error in `{name}` function: invalid input type: {name} can only be used with string inputs";
            return null;
        }

        error = null;
        var text = scalar.Value;
        switch (name)
        {
            case "truncate":
                var (offset, length) = TruncateArguments(expression);
                return String(offset > text.Length ? string.Empty : text.Substring(offset, Math.Min(length, text.Length - offset)), at);
            case "posix_escape" or "posix_quote":
                return String(ShellEscape(text), at);
            case "split":
                var separator = expression[(expression.IndexOf('\'', StringComparison.Ordinal) + 1)..expression.LastIndexOf('\'')];
                if (separator.Length == 0)
                {
                    error = "error in `split` function: invalid argument: separator cannot be empty";
                    return null;
                }

                return new PipelineSequence(
                    text.Split(separator).Select(p => p.Trim()).Where(p => p.Length > 0).Select(p => (PipelineNode)String(p, at)).ToList(), at);
            default:
                // expand_vars fills in the CI/CD variables known when the pipeline is created; the lint keeps the
                // $VARIABLES, which the keyword that receives the value expands from the same variables later.
                return scalar;
        }
    }

    private static bool Matches(string name, string expression) => name switch
    {
        "truncate" => expression.StartsWith("truncate(", StringComparison.Ordinal) && TruncateArguments(expression).Offset >= 0,
        "split" => expression.StartsWith("split('", StringComparison.Ordinal) && expression.EndsWith("')", StringComparison.Ordinal)
            && expression.Length >= "split('')".Length && !expression[7..^2].Contains('\'', StringComparison.Ordinal),
        _ => expression == name,
    };

    /// <summary><c>truncate(offset, length)</c>, the closing parenthesis optional as in GitLab's pattern; -1 when malformed.</summary>
    private static (int Offset, int Length) TruncateArguments(string expression)
    {
        var inner = expression["truncate(".Length..].TrimEnd();
        if (inner.EndsWith(')'))
        {
            inner = inner[..^1];
        }

        var parts = inner.Split(',');
        return parts.Length == 2
            && parts[0].Trim() is { Length: > 0 and <= 9 } first && first.All(char.IsAsciiDigit)
            && parts[1].Trim() is { Length: > 0 and <= 9 } second && second.All(char.IsAsciiDigit)
            ? (int.Parse(first, System.Globalization.CultureInfo.InvariantCulture), int.Parse(second, System.Globalization.CultureInfo.InvariantCulture))
            : (-1, -1);
    }

    /// <summary>Ruby's Shellwords.escape: every character outside <c>A-Za-z0-9_-.,:+/@</c> backslashed, newlines quoted.</summary>
    private static string ShellEscape(string text)
    {
        if (text.Length == 0)
        {
            return "''";
        }

        var escaped = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (c == '\n')
            {
                escaped.Append("'\n'");
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ',' or ':' or '+' or '/' or '@')
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('\\').Append(c);
            }
        }

        return escaped.ToString();
    }

    private static PipelineScalar String(string text, SourceLocation at) => new(text, ScalarStyle.SingleQuoted, at);
}
