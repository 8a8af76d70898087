namespace Keyless.Trust.Evaluation.Azure;

/// <summary>
/// A parsed flexible federated credential expression (languageVersion 1): clauses
/// <c>claims['sub'] matches 'project_path:g/p:ref_type:branch:ref:*'</c> or <c>… eq '…'</c>, joined by
/// <c>and</c>. There is no <c>or</c> and no <c>not</c>. Inside a comparand <c>\'</c> stands for a quote.
/// </summary>
public sealed class FlexibleExpression
{
    private FlexibleExpression(string source, IReadOnlyList<FlexibleClause> clauses, string? error)
    {
        Source = source;
        Clauses = clauses;
        Error = error;
    }

    public string Source { get; }

    public IReadOnlyList<FlexibleClause> Clauses { get; }

    /// <summary>Why Entra would refuse the expression, or null when it parses.</summary>
    public string? Error { get; }

    /// <summary>Claims Entra accepts for GitLab issuers: only <c>sub</c>.</summary>
    public static IReadOnlySet<string> SupportedClaims { get; } = new HashSet<string>(StringComparer.Ordinal) { "sub" };

    public static FlexibleExpression Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var clauses = new List<FlexibleClause>();
        var i = 0;
        try
        {
            while (true)
            {
                SkipSpaces(source, ref i);
                var start = i;
                Expect(source, ref i, "claims[");
                var claim = Quoted(source, ref i);
                Expect(source, ref i, "]");
                SkipSpaces(source, ref i);
                var op = Word(source, ref i);
                if (op is not ("eq" or "matches"))
                {
                    throw new FormatException($"unknown operator '{op}' at offset {start} (only eq and matches)");
                }

                SkipSpaces(source, ref i);
                var value = Quoted(source, ref i);
                if (!SupportedClaims.Contains(claim))
                {
                    throw new FormatException($"claim '{claim}' is not supported for GitLab issuers (only sub)");
                }

                clauses.Add(new FlexibleClause(claim, op, value, source[start..i]));
                SkipSpaces(source, ref i);
                if (i >= source.Length)
                {
                    break;
                }

                var joiner = Word(source, ref i);
                if (joiner != "and")
                {
                    throw new FormatException($"'{joiner}' at offset {i - joiner.Length}: clauses join only with 'and'");
                }
            }
        }
        catch (FormatException e)
        {
            return new FlexibleExpression(source, clauses, e.Message);
        }

        return new FlexibleExpression(source, clauses, null);
    }

    private static void SkipSpaces(string s, ref int i)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }
    }

    private static void Expect(string s, ref int i, string literal)
    {
        if (string.CompareOrdinal(s, i, literal, 0, literal.Length) != 0)
        {
            throw new FormatException($"expected \"{literal}\" at offset {i}");
        }

        i += literal.Length;
    }

    private static string Word(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiLetter(s[i]))
        {
            i++;
        }

        return s[start..i];
    }

    private static string Quoted(string s, ref int i)
    {
        if (i >= s.Length || s[i] != '\'')
        {
            throw new FormatException($"expected a single-quoted string at offset {i}");
        }

        var value = new System.Text.StringBuilder();
        for (i++; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && s[i + 1] == '\'')
            {
                value.Append('\'');
                i++;
            }
            else if (s[i] == '\'')
            {
                i++;
                return value.ToString();
            }
            else
            {
                value.Append(s[i]);
            }
        }

        throw new FormatException("unterminated string");
    }
}
