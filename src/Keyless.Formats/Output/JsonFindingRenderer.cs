using System.Text.Json;
using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary><c>{"version":1,"findings":[…]}</c> with exactly the field names of spec §5.</summary>
internal static class JsonFindingRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<Finding> findings, FindingWriterOptions options) =>
        ReportJson.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", 1);
            writer.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                WriteFinding(writer, finding, options);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static void WriteFinding(Utf8JsonWriter writer, Finding finding, FindingWriterOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id", finding.Id);
        writer.WriteString("severity", finding.Severity.ToWire());
        writer.WriteString("confidence", finding.Confidence.ToWire());
        WriteNullable(writer, "persona", finding.Persona?.ToWire());
        WriteNullable(writer, "identity", finding.Identity);
        writer.WriteString("message", finding.Message);
        writer.WritePropertyName("witness");
        if (finding.Witness is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            finding.Witness.WriteTo(writer);
        }

        writer.WriteString("fix", finding.Fix);
        writer.WriteStartObject("location");
        writer.WriteString("file", ReportPaths.Display(finding.Location.File, options.BaseDirectory));
        if (finding.Location.Line is { } line)
        {
            writer.WriteNumber("line", line);
        }
        else
        {
            writer.WriteNull("line");
        }

        WriteNullable(writer, "path", finding.Location.Path);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
