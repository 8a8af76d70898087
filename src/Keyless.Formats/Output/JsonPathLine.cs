using System.Text.Json;

namespace Keyless.Formats.Output;

/// <summary>
/// The line of a JSON path (<c>$.a.b[2]['c-d']</c>, as the input readers write them) in the file it came from, so a
/// report can point at the line a finding is about. Reads the bytes once with <see cref="Utf8JsonReader"/>, skipping
/// what the path does not enter; any path or text it cannot follow has no line (never an error: the line is a help,
/// the finding stands without it).
/// </summary>
internal static class JsonPathLine
{
    /// <summary>The 1-based line where the value at <paramref name="path"/> starts (its member name, for a member).</summary>
    public static int? Find(ReadOnlySpan<byte> utf8, string path)
    {
        if (!TryParse(path, out var segments))
        {
            return null;
        }

        var bom = utf8.StartsWith("\uFEFF"u8) ? 3 : 0;
        var text = utf8[bom..];
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            var start = reader.TokenStartIndex;
            foreach (var segment in segments)
            {
                if (segment.Name is { } name ? !EnterMember(ref reader, name, ref start) : !EnterItem(ref reader, segment.Index, ref start))
                {
                    return null;
                }
            }

            return text[..(int)start].Count((byte)'\n') + 1;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool EnterMember(ref Utf8JsonReader reader, string name, ref long start)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var here = reader.TokenStartIndex;
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                start = here;
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    private static bool EnterItem(ref Utf8JsonReader reader, int index, ref long start)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == index)
            {
                start = reader.TokenStartIndex;
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    private readonly record struct Segment(string? Name, int Index);

    private static bool TryParse(string path, out List<Segment> segments)
    {
        segments = [];
        if (!path.StartsWith('$'))
        {
            return false;
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not ('.' or '['))
                {
                    end++;
                }

                segments.Add(new Segment(path[(i + 1)..end], 0));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                segments.Add(new Segment(path[(i + 2)..end], 0));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    return false;
                }

                segments.Add(new Segment(null, index));
                i = end + 1;
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
