using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Keyless.Cel.Library;

/// <summary>
/// <c>matches</c> as GCP runs it (RE2): unanchored search, linear time, RE2's syntax. Patterns are translated
/// to .NET syntax and run with <see cref="RegexOptions.NonBacktracking"/>, so no input can make a match slow;
/// what RE2 rejects (lookaround, backreferences) is an error, and compiled patterns are cached.
/// </summary>
internal static class Re2
{
    private const int CacheLimit = 512;
    private static readonly ConcurrentDictionary<string, Matcher> Cache = new(StringComparer.Ordinal);

    public static Matcher Cached(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var matcher))
        {
            return matcher;
        }

        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(pattern, Compile);
    }

    public static Matcher Compile(string pattern)
    {
        try
        {
            var (translated, markers) = Re2Translator.Translate(pattern);
            var regex = new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

            // Only a pattern the regex accepts gets the fast path, so errors stay the regex's.
            return new Matcher(regex, null, markers, markers ? null : FlatPattern.TryParse(pattern));
        }
        catch (Re2SyntaxException e)
        {
            return new Matcher(null, CelValue.Error($"invalid regular expression '{pattern}': {e.Message}"), false, null);
        }
        catch (ArgumentException e)
        {
            return new Matcher(null, CelValue.Error($"invalid regular expression '{pattern}': {e.Message}"), false, null);
        }
        catch (NotSupportedException e)
        {
            return new Matcher(null, CelValue.Error($"unsupported regular expression '{pattern}': {e.Message}"), false, null);
        }
    }

    /// <summary>
    /// The input with a marker before each code point and at the end: U+FDD0 where RE2's ASCII \b holds,
    /// U+FDD1 where it does not. Null when the input holds a marker character itself.
    /// </summary>
    public static string? Mark(string input)
    {
        if (input.AsSpan().IndexOfAny('\uFDD0', '\uFDD1') >= 0)
        {
            return null;
        }

        var text = new StringBuilder((input.Length * 2) + 1);
        var previousWord = false;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            var word = char.IsAsciiLetterOrDigit(c) || c == '_';
            if (!char.IsLowSurrogate(c) || i == 0 || !char.IsHighSurrogate(input[i - 1]))
            {
                text.Append(word != previousWord ? '\uFDD0' : '\uFDD1');
                previousWord = word;
            }

            text.Append(c);
        }

        return text.Append(previousWord ? '\uFDD0' : '\uFDD1').ToString();
    }

    /// <summary>A compiled pattern (with its <see cref="FlatPattern"/> when it has that shape), or the error it gives on every use.</summary>
    public sealed class Matcher(Regex? regex, CelValue? error, bool markers, FlatPattern? flat)
    {
        /// <summary>The linear regex alone, never the flat fast path: what the fast path is tested against.</summary>
        internal Regex? Regex => regex;

        internal FlatPattern? Flat => flat;

        public CelValue IsMatch(string input)
        {
            if (flat is not null)
            {
                return CelValue.Of(flat.IsMatch(input));
            }

            if (regex is null)
            {
                return error!;
            }

            if (!markers)
            {
                return CelValue.Of(regex.IsMatch(input));
            }

            return Mark(input) is { } marked
                ? CelValue.Of(regex.IsMatch(marked))
                : CelValue.Error("matches: the input holds U+FDD0 or U+FDD1, which \\b matching cannot handle");
        }
    }
}
