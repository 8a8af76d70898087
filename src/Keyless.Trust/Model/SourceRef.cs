namespace Keyless.Trust.Model;

/// <summary>Where a piece of trust came from: the file and the JSON path inside it.</summary>
public sealed record SourceRef(string File, string? JsonPath)
{
    public override string ToString() => JsonPath is { Length: > 0 } path ? $"{File} ({path})" : File;
}
