using System.Globalization;
using System.Text;

namespace Keyless.GitLab.Pipeline;

/// <summary>
/// What a YAML value is once Psych has loaded it (GitLab compares and prints Ruby values when it interpolates
/// inputs): a plain <c>true</c>, <c>on</c> or <c>yes</c> is a boolean, <c>12</c> an integer, <c>1.5</c> a float,
/// <c>~</c> nil; quoted text is always a string. <see cref="ToS"/> is Ruby's <c>to_s</c>, as a value put inside a
/// longer string is rendered.
/// </summary>
internal static class RubyValue
{
    public enum Kind
    {
        Nil,
        Boolean,
        Integer,
        Float,
        String,
        Array,
        Hash,
    }

    public static Kind Of(PipelineNode node) => node switch
    {
        PipelineSequence => Kind.Array,
        PipelineMapping => Kind.Hash,
        PipelineScalar { IsNull: true } => Kind.Nil,
        PipelineScalar { Style: not ScalarStyle.Plain } => Kind.String,
        PipelineScalar scalar when Boolean(scalar.Value) is not null => Kind.Boolean,
        PipelineScalar scalar when IsInteger(scalar.Value) => Kind.Integer,
        PipelineScalar scalar when IsFloat(scalar.Value) => Kind.Float,
        _ => Kind.String,
    };

    /// <summary>Ruby's <c>to_s</c> of the loaded value (arrays and hashes as <c>inspect</c> writes them).</summary>
    public static string ToS(PipelineNode node) => node switch
    {
        PipelineScalar scalar => Of(scalar) switch
        {
            Kind.Nil => string.Empty,
            Kind.Boolean => Boolean(scalar.Value) == true ? "true" : "false",
            _ => scalar.Value,
        },
        _ => Inspect(node, 0),
    };

    private static string Inspect(PipelineNode node, int depth)
    {
        // Loaded values are bounded by the loader's depth; the guard keeps this recursion bounded on its own.
        if (depth > YamlFileLoader.MaxDepth)
        {
            return "…";
        }

        return node switch
        {
            PipelineSequence sequence => "[" + string.Join(", ", sequence.Items.Select(i => Inspect(i, depth + 1))) + "]",
            PipelineMapping mapping => "{" + string.Join(", ", mapping.Entries.Select(e => Quote(e.Name) + " => " + Inspect(e.Value, depth + 1))) + "}",
            PipelineScalar scalar => Of(scalar) switch
            {
                Kind.Nil => "nil",
                Kind.String => Quote(scalar.Value),
                _ => ToS(scalar),
            },
            _ => string.Empty,
        };
    }

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"", text.Length + 2);
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Psych's booleans (YAML 1.1): true/yes/on and false/no/off, any case.</summary>
    private static bool? Boolean(string text) => text.ToUpperInvariant() switch
    {
        "TRUE" or "YES" or "ON" => true,
        "FALSE" or "NO" or "OFF" => false,
        _ => null,
    };

    private static bool IsInteger(string text)
    {
        var body = (text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text).Replace("_", string.Empty, StringComparison.Ordinal);
        return body.Length > 0
            && (body.All(char.IsAsciiDigit)
                || (body.Length > 2 && body.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && body[2..].All(char.IsAsciiHexDigit)));
    }

    private static bool IsFloat(string text) =>
        text.Contains('.', StringComparison.Ordinal) && text.Any(char.IsAsciiDigit)
        && double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
