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
}
