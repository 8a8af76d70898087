using System.Text.Json;
using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// <c>{"version":1,"findings":[…]}</c> with exactly the field names of spec §5; for audit, also <c>causes[]</c>
/// after the findings (so <c>findings[]</c> is the same bytes with or without grouping), each naming its findings
/// by index.
/// </summary>
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
            if (options.Grouping is not null)
            {
                writer.WriteStartArray("causes");
                foreach (var cause in FindingCauses.Group(findings))
                {
                    WriteCause(writer, cause, options);
                }

                writer.WriteEndArray();
            }

            if (options.Shard is { } shard)
            {
                writer.WriteStartObject("shard");
                writer.WriteNumber("index", shard.Index);
                writer.WriteNumber("count", shard.Count);
                writer.WriteStartArray("positions");
                foreach (var position in shard.Positions)
                {
                    writer.WriteNumberValue(position);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        });

    private static void WriteCause(Utf8JsonWriter writer, FindingCause cause, FindingWriterOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id", cause.Lead.Id);
        writer.WriteString("severity", cause.Severity.ToWire());
        writer.WriteString("confidence", cause.Lead.Confidence.ToWire());
        writer.WriteString("message", cause.Lead.Message);
        WriteLocation(writer, cause.Location, options);
        WriteStrings(writer, "rules", cause.Rules);
        WriteStrings(writer, "identities", cause.Identities);
        writer.WriteStartArray("personas");
        foreach (var finding in cause.Witnesses)
        {
            writer.WriteStartObject();
            writer.WriteString("persona", finding.Persona!.Value.ToWire());
            writer.WriteString("id", finding.Id);
            WriteNullable(writer, "identity", finding.Identity);
            WriteWitness(writer, finding);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("fixes");
        foreach (var fix in cause.Fixes)
        {
            writer.WriteStartObject();
            WriteStrings(writer, "rules", fix.Rules);
            writer.WriteString("fix", fix.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("findings");
        foreach (var index in cause.FindingIndexes)
        {
            writer.WriteNumberValue(index);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteFinding(Utf8JsonWriter writer, Finding finding, FindingWriterOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id", finding.Id);
        writer.WriteString("severity", finding.Severity.ToWire());
        writer.WriteString("confidence", finding.Confidence.ToWire());
        WriteNullable(writer, "persona", finding.Persona?.ToWire());
        WriteNullable(writer, "identity", finding.Identity);
        writer.WriteString("message", finding.Message);
        WriteWitness(writer, finding);
        writer.WriteString("fix", finding.Fix);
        WriteLocation(writer, finding.Location, options);
        writer.WriteEndObject();
    }

    private static void WriteWitness(Utf8JsonWriter writer, Finding finding)
    {
        writer.WritePropertyName("witness");
        if (finding.Witness is { } witness)
        {
            witness.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void WriteLocation(Utf8JsonWriter writer, FindingLocation location, FindingWriterOptions options)
    {
        writer.WriteStartObject("location");
        writer.WriteString("file", ReportPaths.Display(location.File, options.BaseDirectory));
        if (location.Line is { } line)
        {
            writer.WriteNumber("line", line);
        }
        else
        {
            writer.WriteNull("line");
        }

        WriteNullable(writer, "path", location.Path);
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
