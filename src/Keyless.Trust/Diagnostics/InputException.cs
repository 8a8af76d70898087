namespace Keyless.Trust.Diagnostics;

/// <summary>
/// Bad user input: a file that cannot be read, parsed or understood. The CLI turns it into exit code 2
/// with <see cref="Location"/> in the message; it never reaches the user as a stack trace.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string file, string message, int? line = null, int? column = null, string? path = null)
        : base(message)
    {
        File = file;
        Line = line;
        Column = column;
        JsonPath = path;
    }

    public InputException()
        : this("<unknown>", "bad input")
    {
    }

    public InputException(string message)
        : this("<unknown>", message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "<unknown>";
    }

    /// <summary>The file (or <c>-</c> for standard input, or the option name) the problem is in.</summary>
    public string File { get; }

    public int? Line { get; }

    public int? Column { get; }

    /// <summary>JSON path (<c>$.resources[3].values</c>) or YAML key of the problem, if known.</summary>
    public string? JsonPath { get; }

    /// <summary><c>file:line:column</c> or <c>file ($.path)</c>, as precise as known.</summary>
    public string Location
    {
        get
        {
            var where = File;
            if (Line is { } line)
            {
                where += $":{line}";
                if (Column is { } column)
                {
                    where += $":{column}";
                }
            }

            if (JsonPath is { Length: > 0 } path)
            {
                where += $" ({path})";
            }

            return where;
        }
    }
}
