namespace Keyless.Scan.Text;

/// <summary>
/// "The next <c>needle</c> at or after <c>from</c>" for non-decreasing <c>from</c>, remembering the last answer so
/// that many questions cost one pass over the text in total (keeps detectors linear on adversarial input).
/// </summary>
internal sealed class ForwardFinder(string text, string needle)
{
    private int _askedFrom = -1;
    private int _answer = -1;

    public int Next(int from)
    {
        if (_askedFrom >= 0 && from >= _askedFrom && (_answer < 0 || from <= _answer))
        {
            return _answer;
        }

        _askedFrom = from;
        _answer = from > text.Length ? -1 : text.IndexOf(needle, from, StringComparison.Ordinal);
        return _answer;
    }
}
