using System.Buffers;
using System.Text;

namespace Keyless.Cel.Library;

/// <summary>The standard string functions, cel-go's strings extension and GCP's <c>extract</c>.</summary>
internal static class StringFunctions
{
    private static readonly SearchValues<char> IdentifierChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    public static CelValue Size(CelValue v) => v switch
    {
        CelStringValue s => CelValue.Of(CodePoints.Count(s.Value)),
        CelBytesValue b => CelValue.Of(b.Value.Length),
        CelListValue l => CelValue.Of(l.Items.Length),
        CelMapValue m => CelValue.Of(m.Count),
        _ => CelErrorValue.NoOverload("size", v),
    };

    public static CelValue Contains(CelValue a, CelValue b) => (a, b) switch
    {
        (CelStringValue s, CelStringValue t) => CelValue.Of(s.Value.Contains(t.Value, StringComparison.Ordinal)),
        _ => CelErrorValue.NoOverload("contains", a, b),
    };

    public static CelValue StartsWith(CelValue a, CelValue b) => (a, b) switch
    {
        (CelStringValue s, CelStringValue t) => CelValue.Of(s.Value.StartsWith(t.Value, StringComparison.Ordinal)),
        _ => CelErrorValue.NoOverload("startsWith", a, b),
    };

    public static CelValue EndsWith(CelValue a, CelValue b) => (a, b) switch
    {
        (CelStringValue s, CelStringValue t) => CelValue.Of(s.Value.EndsWith(t.Value, StringComparison.Ordinal)),
        _ => CelErrorValue.NoOverload("endsWith", a, b),
    };

    public static CelValue Matches(CelValue value, Re2.Matcher matcher) => value switch
    {
        CelStringValue s => matcher.IsMatch(s.Value),
        CelErrorValue => value,
        _ => CelErrorValue.NoOverload("matches", value),
    };

    public static CelValue Matches(CelValue a, CelValue b) => (a, b) switch
    {
        (CelStringValue s, CelStringValue p) => Re2.Cached(p.Value).IsMatch(s.Value),
        _ => CelErrorValue.NoOverload("matches", a, b),
    };

    public static CelValue LowerAscii(CelValue v) => v is CelStringValue s
        ? CelValue.Of(MapAscii(s.Value, c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c))
        : CelErrorValue.NoOverload("lowerAscii", v);

    public static CelValue UpperAscii(CelValue v) => v is CelStringValue s
        ? CelValue.Of(MapAscii(s.Value, c => c is >= 'a' and <= 'z' ? (char)(c - 32) : c))
        : CelErrorValue.NoOverload("upperAscii", v);

    private static string MapAscii(string s, Func<char, char> map) => string.Create(s.Length, (s, map), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.map(state.s[i]);
        }
    });

    public static CelValue Trim(CelValue v) => v is CelStringValue s
        ? CelValue.Of(s.Value.Trim())
        : CelErrorValue.NoOverload("trim", v);

    public static CelValue Reverse(CelValue v) => v is CelStringValue s
        ? CelValue.Of(CodePoints.Reverse(s.Value))
        : CelErrorValue.NoOverload("reverse", v);

    public static CelValue CharAt(CelValue a, CelValue b)
    {
        if (a is not CelStringValue s || b is not CelIntValue i)
        {
            return CelErrorValue.NoOverload("charAt", a, b);
        }

        var length = CodePoints.Count(s.Value);
        if (i.Value < 0 || i.Value > length)
        {
            return CelValue.Error($"index out of range: {i.Value}");
        }

        if (i.Value == length)
        {
            return CelValue.Of(string.Empty);
        }

        var start = CodePoints.ToUtf16(s.Value, i.Value);
        var width = char.IsHighSurrogate(s.Value[start]) && start + 1 < s.Value.Length ? 2 : 1;
        return CelValue.Of(s.Value.Substring(start, width));
    }

    /// <summary>An error unless 0 ≤ index ≤ the length in code points (the end is a valid offset).</summary>
    private static CelValue? OutOfRange(string s, long index) =>
        index < 0 || index > CodePoints.Count(s) ? CelValue.Error($"index out of range: {index}") : null;

    public static CelValue IndexOf(CelValue a, CelValue b) => IndexOf(a, b, CelValue.Of(0L));

    public static CelValue IndexOf(CelValue a, CelValue b, CelValue c)
    {
        if (a is not CelStringValue s || b is not CelStringValue sub || c is not CelIntValue offset)
        {
            return CelValue.Error("no such overload: indexOf");
        }

        if (OutOfRange(s.Value, offset.Value) is { } error)
        {
            return error;
        }

        var start = CodePoints.ToUtf16(s.Value, offset.Value);
        var found = s.Value.IndexOf(sub.Value, start, StringComparison.Ordinal);
        return CelValue.Of(found < 0 ? -1 : CodePoints.FromUtf16(s.Value, found));
    }

    public static CelValue LastIndexOf(CelValue a, CelValue b) =>
        a is CelStringValue s ? LastIndexOf(a, b, CelValue.Of(CodePoints.Count(s.Value))) : CelErrorValue.NoOverload("lastIndexOf", a, b);

    public static CelValue LastIndexOf(CelValue a, CelValue b, CelValue c)
    {
        if (a is not CelStringValue s || b is not CelStringValue sub || c is not CelIntValue offset)
        {
            return CelValue.Error("no such overload: lastIndexOf");
        }

        if (OutOfRange(s.Value, offset.Value) is { } error)
        {
            return error;
        }

        if (sub.Value.Length == 0)
        {
            return offset;
        }

        // The match may start at the offset at the latest.
        var start = CodePoints.ToUtf16(s.Value, offset.Value);
        var limit = Math.Min(s.Value.Length, start + sub.Value.Length);
        var found = s.Value.AsSpan(0, limit).LastIndexOf(sub.Value, StringComparison.Ordinal);
        return CelValue.Of(found < 0 ? -1 : CodePoints.FromUtf16(s.Value, found));
    }

    public static CelValue Substring(CelValue a, CelValue b) =>
        a is CelStringValue s ? Substring(a, b, CelValue.Of(CodePoints.Count(s.Value))) : CelErrorValue.NoOverload("substring", a, b);

    public static CelValue Substring(CelValue a, CelValue b, CelValue c)
    {
        if (a is not CelStringValue s || b is not CelIntValue start || c is not CelIntValue end)
        {
            return CelValue.Error("no such overload: substring");
        }

        if ((OutOfRange(s.Value, start.Value) ?? OutOfRange(s.Value, end.Value)) is { } error)
        {
            return error;
        }

        if (start.Value > end.Value)
        {
            return CelValue.Error($"invalid substring range. start: {start.Value}, end: {end.Value}");
        }

        var from = CodePoints.ToUtf16(s.Value, start.Value);
        var to = CodePoints.ToUtf16(s.Value, end.Value);
        return CelValue.Of(s.Value[from..to]);
    }

    public static CelValue Replace(CelValue a, CelValue b, CelValue c) => Replace([a, b, c, CelValue.Of(-1L)]);

    public static CelValue Replace(CelValue[] args)
    {
        if (args is not [CelStringValue s, CelStringValue old, CelStringValue replacement, CelIntValue n])
        {
            return CelValue.Error("no such overload: replace");
        }

        if (n.Value < 0)
        {
            return CelValue.Of(old.Value.Length == 0 ? ReplaceEmpty(s.Value, replacement.Value, long.MaxValue) : s.Value.Replace(old.Value, replacement.Value, StringComparison.Ordinal));
        }

        if (old.Value.Length == 0)
        {
            return CelValue.Of(ReplaceEmpty(s.Value, replacement.Value, n.Value));
        }

        var text = new StringBuilder();
        var pos = 0;
        for (long k = 0; k < n.Value; k++)
        {
            var found = s.Value.IndexOf(old.Value, pos, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            text.Append(s.Value, pos, found - pos).Append(replacement.Value);
            pos = found + old.Value.Length;
        }

        return CelValue.Of(text.Append(s.Value, pos, s.Value.Length - pos).ToString());
    }

    /// <summary>Go's strings.Replace with an empty old string: insert before each code point and at the end.</summary>
    private static string ReplaceEmpty(string s, string replacement, long n)
    {
        var text = new StringBuilder();
        long done = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            if (done++ < n)
            {
                text.Append(replacement);
            }

            text.Append(rune.ToString());
        }

        if (done < n)
        {
            text.Append(replacement);
        }

        return text.ToString();
    }

    public static CelValue Split(CelValue a, CelValue b) => Split(a, b, CelValue.Of(-1L));

    public static CelValue Split(CelValue a, CelValue b, CelValue c)
    {
        if (a is not CelStringValue s || b is not CelStringValue sep || c is not CelIntValue n)
        {
            return CelValue.Error("no such overload: split");
        }

        if (n.Value == 0)
        {
            return CelListValue.Empty;
        }

        var limit = n.Value < 0 ? long.MaxValue : n.Value;
        var parts = new List<CelValue>();
        if (sep.Value.Length == 0)
        {
            var runes = s.Value.EnumerateRunes().Select(r => r.ToString()).ToList();
            for (var i = 0; i < runes.Count; i++)
            {
                if (parts.Count == limit - 1)
                {
                    parts.Add(CelValue.Of(string.Concat(runes.Skip(i))));
                    break;
                }

                parts.Add(CelValue.Of(runes[i]));
            }

            return new CelListValue([.. parts]);
        }

        var pos = 0;
        while (parts.Count < limit - 1)
        {
            var found = s.Value.IndexOf(sep.Value, pos, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            parts.Add(CelValue.Of(s.Value[pos..found]));
            pos = found + sep.Value.Length;
        }

        parts.Add(CelValue.Of(s.Value[pos..]));
        return new CelListValue([.. parts]);
    }

    public static CelValue Join(CelValue a) => Join(a, CelValue.Of(string.Empty));

    public static CelValue Join(CelValue a, CelValue b)
    {
        if (a is not CelListValue list || b is not CelStringValue sep)
        {
            return CelErrorValue.NoOverload("join", a, b);
        }

        var parts = new string[list.Items.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (list.Items[i] is not CelStringValue s)
            {
                return CelValue.Error("join: list must contain only strings");
            }

            parts[i] = s.Value;
        }

        return CelValue.Of(string.Join(sep.Value, parts));
    }

    public static CelValue Quote(CelValue v)
    {
        if (v is not CelStringValue s)
        {
            return CelErrorValue.NoOverload("strings.quote", v);
        }

        var text = new StringBuilder("\"");
        foreach (var rune in s.Value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case 7: text.Append("\\a"); break;
                case 8: text.Append("\\b"); break;
                case 12: text.Append("\\f"); break;
                case 10: text.Append("\\n"); break;
                case 13: text.Append("\\r"); break;
                case 9: text.Append("\\t"); break;
                case 11: text.Append("\\v"); break;
                case '\\': text.Append("\\\\"); break;
                case '"': text.Append("\\\""); break;
                default: text.Append(rune.ToString()); break;
            }
        }

        return CelValue.Of(text.Append('"').ToString());
    }

    /// <summary>
    /// GCP's <c>extract</c>: the text between the first occurrence of the template's prefix and the first
    /// occurrence of its suffix after that; empty when either is missing.
    /// </summary>
    public static CelValue Extract(CelValue a, CelValue b)
    {
        if (a is not CelStringValue s || b is not CelStringValue template)
        {
            return CelErrorValue.NoOverload("extract", a, b);
        }

        var open = template.Value.IndexOf('{', StringComparison.Ordinal);
        var close = open < 0 ? -1 : template.Value.IndexOf('}', open + 1);
        if (open < 0 || close < 0 || close == open + 1
            || template.Value.AsSpan(open + 1, close - open - 1).ContainsAnyExcept(IdentifierChars)
            || template.Value.IndexOfAny(['{', '}'], close + 1) >= 0)
        {
            return CelValue.Error("extract: the template must have the form prefix{name}suffix: " + template.Value);
        }

        var prefix = template.Value[..open];
        var suffix = template.Value[(close + 1)..];
        var start = s.Value.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return CelValue.Of(string.Empty);
        }

        start += prefix.Length;
        if (suffix.Length == 0)
        {
            return CelValue.Of(s.Value[start..]);
        }

        var end = s.Value.IndexOf(suffix, start, StringComparison.Ordinal);
        return CelValue.Of(end < 0 ? string.Empty : s.Value[start..end]);
    }
}
