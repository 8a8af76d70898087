using System.Buffers;
using System.Globalization;
using System.Text;

namespace Keyless.Cel.Parsing;

/// <summary>
/// Builds a string or bytes literal. Escapes as in the CEL spec: <c>\a \b \f \n \r \t \v \\ \? \" \' \`</c>,
/// <c>\xHH</c>, <c>\uHHHH</c>, <c>\UHHHHHHHH</c> and octal <c>\ooo</c>; in bytes, <c>\x</c> and octal are raw bytes.
/// </summary>
internal sealed class LiteralDecoder(bool bytes)
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly StringBuilder _text = new();
    private readonly List<byte> _bytes = [];

    public void Append(string source, int start, int length)
    {
        if (bytes)
        {
            _bytes.AddRange(Encoding.UTF8.GetBytes(source, start, length));
        }
        else
        {
            _text.Append(source, start, length);
        }
    }

    public CelValue ToValue() => bytes ? CelValue.Bytes(_bytes.ToArray()) : CelValue.Of(_text.ToString());

    /// <summary>Decodes the escape at <paramref name="p"/> (a backslash) and returns the offset after it.</summary>
    public int Escape(string source, int p)
    {
        if (p + 1 >= source.Length)
        {
            throw new SyntaxException("unterminated escape sequence", p);
        }

        var c = source[p + 1];
        switch (c)
        {
            case 'a': AppendCodePoint(7); return p + 2;
            case 'b': AppendCodePoint(8); return p + 2;
            case 'f': AppendCodePoint(12); return p + 2;
            case 'n': AppendCodePoint(10); return p + 2;
            case 'r': AppendCodePoint(13); return p + 2;
            case 't': AppendCodePoint(9); return p + 2;
            case 'v': AppendCodePoint(11); return p + 2;
            case '\\' or '?' or '"' or '\'' or '`': AppendCodePoint(c); return p + 2;
            case 'x' or 'X':
                return Hex(source, p, 2, raw: true);
            case 'u':
                return Hex(source, p, 4, raw: false);
            case 'U':
                return Hex(source, p, 8, raw: false);
            case >= '0' and <= '3':
                if (p + 3 < source.Length && source[p + 2] is >= '0' and <= '7' && source[p + 3] is >= '0' and <= '7')
                {
                    var value = ((c - '0') * 64) + ((source[p + 2] - '0') * 8) + (source[p + 3] - '0');
                    AppendRaw(value);
                    return p + 4;
                }

                throw new SyntaxException("invalid octal escape sequence", p);
            default:
                throw new SyntaxException($"invalid escape sequence '\\{c}'", p);
        }
    }

    private int Hex(string source, int p, int digits, bool raw)
    {
        if (p + 2 + digits > source.Length
            || !long.TryParse(source.AsSpan(p + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var wide)
            || source.AsSpan(p + 2, digits).ContainsAnyExcept(HexDigits))
        {
            throw new SyntaxException("invalid hex escape sequence", p);
        }

        var value = (int)Math.Min(wide, int.MaxValue);

        if (raw)
        {
            AppendRaw(value);
        }
        else
        {
            if (bytes)
            {
                throw new SyntaxException("unicode escape in a bytes literal", p);
            }

            if (value is >= 0xD800 and <= 0xDFFF || value > 0x10FFFF)
            {
                throw new SyntaxException("invalid unicode code point in escape sequence", p);
            }

            AppendCodePoint(value);
        }

        return p + 2 + digits;
    }

    private void AppendRaw(int value)
    {
        if (bytes)
        {
            _bytes.Add((byte)value);
        }
        else
        {
            AppendCodePoint(value);
        }
    }

    private void AppendCodePoint(int codePoint)
    {
        if (bytes)
        {
            Span<byte> buffer = stackalloc byte[4];
            var n = new Rune(codePoint).EncodeToUtf8(buffer);
            _bytes.AddRange(buffer[..n]);
        }
        else
        {
            _text.Append(char.ConvertFromUtf32(codePoint));
        }
    }
}
