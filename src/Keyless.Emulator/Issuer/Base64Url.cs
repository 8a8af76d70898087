namespace Keyless.Emulator.Issuer;

/// <summary>Unpadded base64url (RFC 7515 §2), as every JWT part is encoded.</summary>
public static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <summary>Decodes, or returns null for anything that is not strict unpadded base64url.</summary>
    public static byte[]? TryDecode(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        if (!System.Buffers.Text.Base64Url.IsValid(text) || text.Contains('='))
        {
            return null;
        }

        return System.Buffers.Text.Base64Url.DecodeFromChars(text);
    }
}
