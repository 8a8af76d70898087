namespace Keyless.Cel.Library;

/// <summary>A pattern RE2 would reject; becomes a CEL error value, never escapes the library.</summary>
#pragma warning disable CA1032, CA1064 // internal control flow only
internal sealed class Re2SyntaxException(string message) : Exception(message);
#pragma warning restore CA1032, CA1064
