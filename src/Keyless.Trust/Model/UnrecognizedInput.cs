namespace Keyless.Trust.Model;

/// <summary>
/// Something an input held that Keyless read but does not model (e.g. a Terraform resource type outside the
/// supported list). Reported, never silently dropped.
/// </summary>
public sealed record UnrecognizedInput(string What, SourceRef Source)
{
    public override string ToString() => $"{Source}: {What}";
}
