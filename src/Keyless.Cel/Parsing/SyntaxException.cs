namespace Keyless.Cel.Parsing;

/// <summary>Unwinds the parser to <see cref="Parser.Parse"/>, which turns it into a diagnostic; never escapes.</summary>
#pragma warning disable CA1032, CA1064 // internal control flow only
internal sealed class SyntaxException(string message, int offset) : Exception(message)
#pragma warning restore CA1032, CA1064
{
    public int Offset { get; } = offset;
}
