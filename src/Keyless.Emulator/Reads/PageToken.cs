using System.Globalization;
using System.Text;

namespace Keyless.Emulator.Reads;

/// <summary>
/// The emulator's page tokens: opaque to clients, as the clouds' are, and holding only the offset of the next item.
/// A token that does not decode is the client's error (400), never a silent first page.
/// </summary>
internal static class PageToken
{
    private const string Prefix = "keyless-page:";

    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The offset a token names; 0 for no token; null for a token this emulator did not hand out.</summary>
    public static int? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[64];
        if (base64.Length > 88 || !Convert.TryFromBase64String(base64, bytes, out var written))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes[..written]);
        return text.StartsWith(Prefix, StringComparison.Ordinal)
               && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : null;
    }

    /// <summary>
    /// The page size to serve: the client's (when a positive number), else the API's default, bounded by the API's
    /// maximum and by the emulator's own cap (<see cref="EmulatorOptions.MaxPageSize"/>, small in paging tests).
    /// </summary>
    public static int Size(string? requested, int defaultSize, int maxSize, int? cap)
    {
        var size = int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? Math.Min(asked, maxSize) : defaultSize;
        return cap is { } c && c > 0 ? Math.Min(size, c) : size;
    }
}
