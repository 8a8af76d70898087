using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// The few Terraform functions that trust configurations build names and conditions with, over known arguments:
/// <c>jsonencode</c>, <c>join</c>, <c>concat</c>, <c>format</c> (the <c>%s</c>, <c>%d</c>, <c>%v</c> and <c>%%</c>
/// verbs), <c>tostring</c>, <c>lower</c>, <c>upper</c>, <c>trimspace</c> and <c>chomp</c>. Any other function, or
/// an argument of the wrong type, is unknown: Keyless never guesses a value.
/// </summary>
internal static class TfFunctions
{
    public static TfValue Call(string name, IReadOnlyList<TfValue> arguments) => (name, arguments.Count) switch
    {
        ("jsonencode", 1) => Text(TfJsonEncode.Encode(arguments[0].Value)),
        ("tostring", 1) => Text(TfOperators.AsText(arguments[0])),
        ("lower", 1) => Text(TfOperators.AsText(arguments[0])?.ToLowerInvariant()),
        ("upper", 1) => Text(TfOperators.AsText(arguments[0])?.ToUpperInvariant()),
        ("trimspace", 1) => Text(TfOperators.AsText(arguments[0])?.Trim()),
        ("chomp", 1) => Text(TfOperators.AsText(arguments[0])?.TrimEnd('\r', '\n')),
        ("join", 2) => Join(arguments[0], arguments[1]),
        ("concat", _) => Concat(arguments),
        ("format", >= 1) => Format(arguments),
        _ => TfValue.Unknown,
    };

    private static TfValue Text(string? text) => text is null ? TfValue.Unknown : new TfValue(JsonValue.Create(text), true);

    private static TfValue Join(TfValue separator, TfValue list)
    {
        if (TfOperators.AsText(separator) is not { } sep || list.Value is not JsonArray items)
        {
            return TfValue.Unknown;
        }

        var parts = items.Select(i => TfOperators.AsText(new TfValue(i, true))).ToList();
        return parts.Any(p => p is null) ? TfValue.Unknown : Text(string.Join(sep, parts));
    }

    private static TfValue Concat(IReadOnlyList<TfValue> lists)
    {
        if (lists.Any(l => l.Value is not JsonArray))
        {
            return TfValue.Unknown;
        }

        return new TfValue(new JsonArray([.. lists.SelectMany(l => ((JsonArray)l.Value!).Select(i => i?.DeepClone()))]), true);
    }

    private static TfValue Format(IReadOnlyList<TfValue> arguments)
    {
        if (TfOperators.AsText(arguments[0]) is not { } pattern)
        {
            return TfValue.Unknown;
        }

        var result = new StringBuilder();
        var next = 1;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '%')
            {
                result.Append(pattern[i]);
                continue;
            }

            var verb = i + 1 < pattern.Length ? pattern[++i] : '\0';
            if (verb == '%')
            {
                result.Append('%');
                continue;
            }

            // Flags, widths and other verbs change the text in ways not modelled here.
            if (verb is not ('s' or 'd' or 'v') || next >= arguments.Count || TfOperators.AsText(arguments[next++]) is not { } piece
                || (verb == 'd' && !long.TryParse(piece, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
            {
                return TfValue.Unknown;
            }

            result.Append(piece);
        }

        return next == arguments.Count ? Text(result.ToString()) : TfValue.Unknown;
    }
}
