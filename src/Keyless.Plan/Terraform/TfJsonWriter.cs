using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Keyless.Plan.Terraform;

/// <summary>
/// Writes a <see cref="TfDocument"/> in Terraform's JSON configuration syntax (<c>.tf.json</c>): blocks become
/// nested objects keyed by type and labels, repeated blocks become arrays, and strings are templates, so literal
/// <c>${</c> is escaped as <c>$${</c>.
/// </summary>
public static class TfJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(TfDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            WriteBody(writer, document.Blocks);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteBody(Utf8JsonWriter writer, IReadOnlyList<TfItem> body)
    {
        writer.WriteStartObject();
        foreach (var attribute in body.OfType<TfArgument>())
        {
            writer.WritePropertyName(attribute.Name);
            WriteValue(writer, attribute.Value);
        }

        // Blocks group by type, then by each label in turn: resource → type → name → body. A block type that
        // repeats with no labels (deploy levels, import) is an array of bodies.
        foreach (var group in body.OfType<TfBlock>().GroupBy(b => b.Type))
        {
            writer.WritePropertyName(group.Key);
            var blocks = group.ToList();
            if (blocks.All(b => b.Labels.Count == 0))
            {
                if (blocks.Count == 1 && group.Key != "import")
                {
                    WriteBody(writer, blocks[0].Body);
                }
                else
                {
                    writer.WriteStartArray();
                    blocks.ForEach(b => WriteBody(writer, b.Body));
                    writer.WriteEndArray();
                }
            }
            else
            {
                WriteLabelled(writer, blocks, 0);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteLabelled(Utf8JsonWriter writer, List<TfBlock> blocks, int level)
    {
        writer.WriteStartObject();
        foreach (var group in blocks.GroupBy(b => b.Labels[level]))
        {
            writer.WritePropertyName(group.Key);
            var members = group.ToList();
            if (level + 1 < members[0].Labels.Count)
            {
                WriteLabelled(writer, members, level + 1);
            }
            else if (members.Count == 1)
            {
                WriteBody(writer, members[0].Body);
            }
            else
            {
                // Several configurations of one provider (aliases) are an array in the JSON syntax.
                writer.WriteStartArray();
                members.ForEach(m => WriteBody(writer, m.Body));
                writer.WriteEndArray();
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, TfValue value)
    {
        switch (value)
        {
            case TfString s:
                writer.WriteStringValue(EscapeTemplate(s.Value));
                break;
            case TfBool b:
                writer.WriteBooleanValue(b.Value);
                break;
            case TfNumber n:
                writer.WriteNumberValue(n.Value);
                break;
            case TfReference r:
                writer.WriteStringValue("${" + r.Expression + "}");
                break;
            case TfTraversal t:
                writer.WriteStringValue(t.Address);
                break;
            case TfList list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case TfObject obj:
                writer.WriteStartObject();
                foreach (var (key, item) in obj.Entries)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value, "unknown Terraform value");
        }
    }

    private static string EscapeTemplate(string value) =>
        value.Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal);
}
