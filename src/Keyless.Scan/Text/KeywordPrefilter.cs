using System.Buffers;
using System.Runtime.CompilerServices;
using Keyless.Scan.Detectors;

namespace Keyless.Scan.Text;

/// <summary>
/// Which detectors a text mentions: every detector's keywords in one vectorized, case-insensitive search, so a
/// text costs one pass however many keywords there are. Built once per detector list.
/// </summary>
internal sealed class KeywordPrefilter
{
    private readonly IReadOnlyList<Detector> _detectors;
    private readonly SearchValues<string>? _keywords;
    private readonly Dictionary<string, List<int>> _detectorsByKeyword = new(StringComparer.OrdinalIgnoreCase);

    public KeywordPrefilter(IReadOnlyList<Detector> detectors)
    {
        _detectors = detectors;
        for (var d = 0; d < detectors.Count; d++)
        {
            foreach (var keyword in detectors[d].Keywords)
            {
                if (!_detectorsByKeyword.TryGetValue(keyword, out var list))
                {
                    _detectorsByKeyword[keyword] = list = [];
                }

                list.Add(d);
            }
        }

        _keywords = _detectorsByKeyword.Count == 0 ? null : SearchValues.Create(_detectorsByKeyword.Keys.ToArray(), StringComparison.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Detector> Detectors => _detectors;

    /// <summary>Marks in <paramref name="mentioned"/> (one flag per detector) those whose keywords occur.</summary>
    public void Mark(ScanText text, Span<bool> mentioned)
    {
        if (_keywords is null)
        {
            return;
        }

        Mark(text.Text, mentioned);
        if (text.VariableName is { } name)
        {
            Mark(name, mentioned);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Mark(string text, Span<bool> mentioned)
    {
        var remaining = _detectorsByKeyword.Count;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var from = 0;
        while (from < text.Length && seen.Count < remaining)
        {
            var at = text.AsSpan(from).IndexOfAny(_keywords!);
            if (at < 0)
            {
                return;
            }

            from += at;
            foreach (var (keyword, detectors) in _detectorsByKeyword)
            {
                if (text.AsSpan(from).StartsWith(keyword, StringComparison.OrdinalIgnoreCase) && seen.Add(keyword))
                {
                    foreach (var d in detectors)
                    {
                        mentioned[d] = true;
                    }
                }
            }

            from++;
        }
    }
}
