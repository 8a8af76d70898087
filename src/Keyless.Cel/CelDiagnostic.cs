namespace Keyless.Cel;

/// <summary>A compile problem at a place: 1-based line and column, 0-based character offset.</summary>
public sealed record CelDiagnostic(string Message, int Line, int Column, int Offset)
{
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
