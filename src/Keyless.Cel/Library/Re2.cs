using System.Collections.Concurrent;
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
            var translated = Re2Translator.Translate(pattern);
            var regex = new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            return new Matcher(regex, null);
        }
        catch (Re2SyntaxException e)
        {
            return new Matcher(null, CelValue.Error($"invalid regular expression '{pattern}': {e.Message}"));
        }
        catch (ArgumentException e)
        {
            return new Matcher(null, CelValue.Error($"invalid regular expression '{pattern}': {e.Message}"));
        }
        catch (NotSupportedException e)
        {
            return new Matcher(null, CelValue.Error($"unsupported regular expression '{pattern}': {e.Message}"));
        }
    }

    /// <summary>A compiled pattern, or the error it gives on every use.</summary>
    public sealed class Matcher(Regex? regex, CelValue? error)
    {
        public CelValue IsMatch(string input) => regex is null ? error! : CelValue.Of(regex.IsMatch(input));
    }
}
