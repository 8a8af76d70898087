using System.Buffers;
using System.Text;

namespace Keyless.Formats.Output;

/// <summary>
/// The buffer a <see cref="System.Text.Json.Utf8JsonWriter"/> writes into, passed on to a <see cref="TextWriter"/>
/// as it fills: a report of tens of thousands of findings streams out in 64 KB pieces instead of being built in
/// memory first (once as UTF-8 and again as a string). A character split across two pieces is kept by the decoder,
/// so the text is the same as decoding the whole document at once. A <see cref="StreamWriter"/> that writes UTF-8
/// (a report file, the CLI's standard output) gets the bytes on its stream as they are: decoding them to text only for
/// the writer to encode them again cost as much as writing the JSON. Flushing the writer first writes what it holds,
/// and its byte order mark if it has one and has not written it yet.
/// </summary>
internal sealed class TextWriterBufferWriter : IBufferWriter<byte>
{
    private const int PieceSize = 64 * 1024;

    private readonly TextWriter _output;
    private readonly Stream? _stream;
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
    private byte[] _bytes = new byte[PieceSize];
    private char[] _chars = new char[PieceSize + 1];
    private int _count;

    public TextWriterBufferWriter(TextWriter output)
    {
        _output = output;
        if (output is StreamWriter { Encoding: UTF8Encoding } writer && writer.BaseStream.CanWrite)
        {
            // What the writer holds (and its byte order mark) goes first, so the text keeps its order.
            writer.Flush();
            _stream = writer.BaseStream;
        }
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_count + count > _bytes.Length)
        {
            throw new InvalidOperationException("advanced past the buffer");
        }

        _count += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Room(sizeHint).AsMemory(_count);

    public Span<byte> GetSpan(int sizeHint = 0) => Room(sizeHint).AsSpan(_count);

    /// <summary>Writes out what is left; call once, after the JSON writer is flushed.</summary>
    public void Complete() => Drain(flush: true);

    private byte[] Room(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_bytes.Length - _count >= needed)
        {
            return _bytes;
        }

        Drain(flush: false);
        if (_bytes.Length < needed)
        {
            // One value larger than a piece (a long message): a buffer that holds it.
            _bytes = new byte[needed];
        }

        return _bytes;
    }

    private void Drain(bool flush)
    {
        if (_stream is not null)
        {
            _stream.Write(_bytes, 0, _count);
            _count = 0;
            return;
        }

        var chars = _decoder.GetCharCount(_bytes, 0, _count, flush);
        if (_chars.Length < chars)
        {
            _chars = new char[chars];
        }

        var written = _decoder.GetChars(_bytes, 0, _count, _chars, 0, flush);
        _output.Write(_chars, 0, written);
        _count = 0;
    }
}
