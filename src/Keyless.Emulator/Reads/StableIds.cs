using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Keyless.Emulator.Reads;

/// <summary>
/// Values the clouds assign and a trust input may not carry (a project number for a configuration that names the
/// project by id, an application's object id, a key id): derived from a name by hashing, so the emulator answers the
/// same on every start and two runs of a pull can be diffed.
/// </summary>
internal static class StableIds
{
    /// <summary>A GUID for <paramref name="name"/> in <paramref name="kind"/>.</summary>
    public static string Guid(string kind, string name) => new Guid(Hash(kind, name).AsSpan(0, 16)).ToString();

    /// <summary><paramref name="digits"/> decimal digits, the first not zero (project numbers, unique ids).</summary>
    public static string Digits(string kind, string name, int digits)
    {
        var hash = Hash(kind, name);
        var text = new StringBuilder(digits);
        for (var i = 0; text.Length < digits; i++)
        {
            var digit = hash[i % hash.Length] % 10;
            text.Append(text.Length == 0 && digit == 0 ? '1' : (char)('0' + digit));
        }

        return text.ToString();
    }

    /// <summary>Lower-case hex of <paramref name="length"/> characters (service-account key ids are 40).</summary>
    public static string Hex(string kind, string name, int length) =>
        Convert.ToHexStringLower(Hash(kind, name))[..Math.Min(length, 64)];

    /// <summary>A small positive integer (GitLab ids).</summary>
    public static long Number(string kind, string name, long max) =>
        1 + (long)(BitConverter.ToUInt64(Hash(kind, name), 0) % (ulong)max);

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static byte[] Hash(string kind, string name) => SHA256.HashData(Encoding.UTF8.GetBytes("keyless-emulator:" + kind + ":" + name));
}
