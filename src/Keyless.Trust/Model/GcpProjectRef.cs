namespace Keyless.Trust.Model;

/// <summary>
/// A GCP project as an input names it: by number (what the API returns and principals need), by id (what
/// Terraform configurations usually say), or both once a manifest or a state links them.
/// </summary>
public sealed record GcpProjectRef(string? Number, string? Id)
{
    public static GcpProjectRef Unknown { get; } = new(null, null);

    /// <summary>A path segment after <c>projects/</c>: digits are a number, anything else an id.</summary>
    public static GcpProjectRef Parse(string segment) =>
        segment.Length > 0 && segment.All(char.IsAsciiDigit) ? new(segment, null) : new(null, segment);

    /// <summary>True, false, or null when the two refs use different keys and nothing links them.</summary>
    public bool? SameAs(GcpProjectRef other)
    {
        if (Number is not null && other.Number is not null)
        {
            return Number == other.Number;
        }

        if (Id is not null && other.Id is not null)
        {
            return Id == other.Id;
        }

        return null;
    }

    public override string ToString() => Number ?? Id ?? "?";
}
