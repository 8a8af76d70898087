using System.Text.Encodings.Web;
using System.Text.Json;

namespace Keyless.Formats.Output;

/// <summary>One JSON writer setup for the machine formats: indented, LF line ends, readable non-ASCII.</summary>
internal static class ReportJson
{
    // The reports are files and pipes, never HTML, so escaping '<' or non-ASCII only hurts readability.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> body)
    {
        // Streamed: the writer hands each full piece to the output (see TextWriterBufferWriter).
        var sink = new TextWriterBufferWriter(output);
        using (var writer = new Utf8JsonWriter(sink, Options))
        {
            body(writer);
        }

        sink.Complete();
        output.Write('\n');
    }
}
