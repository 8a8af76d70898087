using System.Globalization;

namespace Keyless.Trust.Evaluation.Azure;

/// <summary>The AADSTS number in an Entra error description (<c>AADSTS700213: No matching…</c>).</summary>
public static class AadstsCode
{
    private const string Prefix = "AADSTS";

    /// <summary>The number after the first <c>AADSTS</c>, or null when there is none (at most 9 digits are read).</summary>
    public static int? In(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var at = description.IndexOf(Prefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var digits = description.AsSpan(at + Prefix.Length);
        var length = 0;
        while (length < digits.Length && length < 9 && char.IsAsciiDigit(digits[length]))
        {
            length++;
        }

        return int.TryParse(digits[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
    }
}
