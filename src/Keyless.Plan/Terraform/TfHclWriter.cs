using System.Text;

namespace Keyless.Plan.Terraform;

/// <summary>Writes a <see cref="TfDocument"/> as HCL, laid out the way <c>terraform fmt</c> would.</summary>
public static class TfHclWriter
{
    public static string Write(TfDocument document, string header)
    {
        var output = new StringBuilder();
        foreach (var line in header.Split('\n'))
        {
            output.Append("# ").Append(line).Append('\n');
        }

        foreach (var block in document.Blocks)
        {
            output.Append('\n');
            WriteBlock(output, block, 0);
        }

        return output.ToString().Replace("# \n", "#\n", StringComparison.Ordinal);
    }

    private static void WriteBlock(StringBuilder output, TfBlock block, int indent)
    {
        var pad = new string(' ', indent);
        if (block.Comment is { } comment)
        {
            foreach (var line in comment.Split('\n'))
            {
                output.Append(pad).Append("# ").Append(line).Append('\n');
            }
        }

        output.Append(pad).Append(block.Type);
        foreach (var label in block.Labels)
        {
            output.Append(' ').Append(Quote(label));
        }

        if (block.Body.Count == 0)
        {
            output.Append(" {}\n");
            return;
        }

        output.Append(" {\n");
        WriteBody(output, block.Body, indent + 2);
        output.Append(pad).Append("}\n");
    }

    private static void WriteBody(StringBuilder output, IReadOnlyList<TfItem> body, int indent)
    {
        var pad = new string(' ', indent);
        for (var i = 0; i < body.Count; i++)
        {
            switch (body[i])
            {
                case TfArgument:
                    // terraform fmt aligns the '=' of consecutive single-line arguments; a multi-line value
                    // stands alone. An argument after a nested block is set off by a blank line.
                    if (i > 0 && body[i - 1] is TfBlock)
                    {
                        output.Append('\n');
                    }

                    var run = body.Skip(i).TakeWhile(item => item is TfArgument a && !IsMultiLine(a.Value)).Cast<TfArgument>().ToList();
                    if (run.Count == 0)
                    {
                        run.Add((TfArgument)body[i]);
                    }

                    var width = run.Max(a => a.Name.Length);
                    foreach (var argument in run)
                    {
                        output.Append(pad).Append(argument.Name.PadRight(width)).Append(" = ");
                        WriteValue(output, argument.Value, indent);
                        output.Append('\n');
                    }

                    i += run.Count - 1;
                    break;
                case TfBlock block:
                    if (i > 0)
                    {
                        output.Append('\n');
                    }

                    WriteBlock(output, block, indent);
                    break;
            }
        }
    }

    private static void WriteValue(StringBuilder output, TfValue value, int indent)
    {
        switch (value)
        {
            case TfString s:
                output.Append(Quote(s.Value));
                break;
            case TfBool b:
                output.Append(b.Value ? "true" : "false");
                break;
            case TfNumber n:
                output.Append(n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case TfReference r:
                output.Append(r.Expression);
                break;
            case TfTraversal t:
                output.Append(t.Address);
                break;
            case TfList list when list.Items.All(item => item is not TfObject):
                output.Append('[');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    output.Append(i == 0 ? string.Empty : ", ");
                    WriteValue(output, list.Items[i], indent);
                }

                output.Append(']');
                break;
            case TfList list:
                output.Append("[\n");
                foreach (var item in list.Items)
                {
                    output.Append(new string(' ', indent + 2));
                    WriteValue(output, item, indent + 2);
                    output.Append(",\n");
                }

                output.Append(new string(' ', indent)).Append(']');
                break;
            case TfObject obj:
                output.Append("{\n");
                var width = obj.Entries.Max(e => Key(e.Key).Length);
                foreach (var (key, item) in obj.Entries)
                {
                    output.Append(new string(' ', indent + 2)).Append(Key(key).PadRight(width)).Append(" = ");
                    WriteValue(output, item, indent + 2);
                    output.Append('\n');
                }

                output.Append(new string(' ', indent)).Append('}');
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value, "unknown Terraform value");
        }
    }

    private static bool IsMultiLine(TfValue value) => value is TfObject || value is TfList list && list.Items.Any(i => i is TfObject);

    private static string Key(string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') && !char.IsAsciiDigit(key[0]) ? key : Quote(key);

    /// <summary>An HCL quoted string: escapes, and template sequences doubled so they stay literal.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '$' or '%' when i + 1 < value.Length && value[i + 1] == '{':
                    builder.Append(c).Append(c);
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }
}
