namespace Keyless.Trust.Evaluation.Azure;

/// <summary>
/// A flexible-credential wildcard: <c>*</c> any run of characters, <c>?</c> exactly one, everything else literal,
/// anchored at both ends. Matching splits the pattern at <c>*</c> and places each segment at its leftmost
/// possible position, which is correct for star-separated segments and never backtracks: time is bounded by
/// text length × pattern length.
/// </summary>
public sealed class WildcardPattern
{
    private readonly string[] _segments;
    private readonly bool _hasStar;

    public WildcardPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        _segments = pattern.Split('*');
        _hasStar = _segments.Length > 1;
    }

    public string Pattern { get; }

    /// <summary>The literal text before the first wildcard (what every match starts with).</summary>
    public string LiteralPrefix
    {
        get
        {
            var first = _segments[0];
            var q = first.IndexOf('?', StringComparison.Ordinal);
            return q < 0 ? first : first[..q];
        }
    }

    public bool IsMatch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_hasStar)
        {
            return text.Length == Pattern.Length && SegmentAt(text, 0, Pattern);
        }

        var head = _segments[0];
        var tail = _segments[^1];
        if (text.Length < head.Length + tail.Length || !SegmentAt(text, 0, head)
            || !SegmentAt(text, text.Length - tail.Length, tail))
        {
            return false;
        }

        var position = head.Length;
        var limit = text.Length - tail.Length;
        for (var i = 1; i < _segments.Length - 1; i++)
        {
            var segment = _segments[i];
            var found = Find(text, position, limit, segment);
            if (found < 0)
            {
                return false;
            }

            position = found + segment.Length;
        }

        return true;
    }

    private static int Find(string text, int from, int limit, string segment)
    {
        for (var start = from; start + segment.Length <= limit; start++)
        {
            if (SegmentAt(text, start, segment))
            {
                return start;
            }
        }

        return -1;
    }

    private static bool SegmentAt(string text, int start, string segment)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] != '?' && segment[i] != text[start + i])
            {
                return false;
            }
        }

        return true;
    }
}
