using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Keyless.Formats.Output;

namespace Keyless.Formats.Tests.Output;

/// <summary>
/// The streamed JSON report must be the same text as the document built whole in memory (how reports were written
/// before), also when a piece ends in the middle of a multi-byte character and a value is larger than a piece.
/// </summary>
public sealed class TextWriterBufferWriterTests
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static void Body(Utf8JsonWriter writer, int items, string text)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("findings");
        for (var i = 0; i < items; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("n", i);
            writer.WriteString("message", text + i);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Whole(int items, string text)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Body(writer, items, text);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Streamed(int items, string text)
    {
        var output = new StringWriter();
        var sink = new TextWriterBufferWriter(output);
        using (var writer = new Utf8JsonWriter(sink, Options))
        {
            Body(writer, items, text);
        }

        sink.Complete();
        return output.ToString();
    }

    [Theory]
    [InlineData(1, "plain")]
    [InlineData(5000, "ümlaut, 日本語 and 🔑 in a message ")] // 2-, 3- and 4-byte characters across many 64 KB pieces
    [InlineData(3, "")]
    public void Should_Write_The_Same_Text_As_The_Whole_Document(int items, string text) =>
        Assert.Equal(Whole(items, text), Streamed(items, text));

    [Fact]
    public void Should_Stream_A_Value_Larger_Than_A_Piece()
    {
        var large = string.Concat(Enumerable.Repeat("é🔑x", 40_000));
        Assert.Equal(Whole(2, large), Streamed(2, large));
    }

    [Fact]
    public void Should_Hand_Out_Pieces_Before_The_End()
    {
        var output = new StringWriter();
        var sink = new TextWriterBufferWriter(output);
        using (var writer = new Utf8JsonWriter(sink, Options))
        {
            Body(writer, 20_000, "streamed ");
            writer.Flush();

            // Before Complete: everything but the last piece is already in the output.
            Assert.True(output.GetStringBuilder().Length > 64 * 1024);
        }

        sink.Complete();
        Assert.Equal(Whole(20_000, "streamed "), output.ToString());
    }

    [Theory]
    [InlineData(5000, "ümlaut, 日本語 and 🔑 in a message ")]
    [InlineData(2, "plain")]
    public void Should_Write_The_Bytes_Straight_To_A_Utf8_Stream_After_What_The_Writer_Holds(int items, string text)
    {
        using var stream = new MemoryStream();
        using (var output = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1024, leaveOpen: true))
        {
            output.Write("before ");
            var sink = new TextWriterBufferWriter(output);
            using (var writer = new Utf8JsonWriter(sink, Options))
            {
                Body(writer, items, text);
            }

            sink.Complete();
            output.Write(" after");
        }

        Assert.Equal("before " + Whole(items, text) + " after", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Should_Keep_The_Byte_Order_Mark_Of_A_Writer_That_Writes_One_When_The_Bytes_Bypass_It()
    {
        using var stream = new MemoryStream();
        using (var output = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1024, leaveOpen: true))
        {
            var sink = new TextWriterBufferWriter(output);
            using (var writer = new Utf8JsonWriter(sink, Options))
            {
                Body(writer, 3, "x");
            }

            sink.Complete();
        }

        Assert.Equal([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Whole(3, "x"))], stream.ToArray());
    }
}
