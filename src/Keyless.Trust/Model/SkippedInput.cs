namespace Keyless.Trust.Model;

/// <summary>
/// A file found in a folder of inputs and not read: one that holds no trust Keyless reads (a package.json, an editor
/// setting), or a Terraform configuration whose applied state beside it is read instead (<see cref="ReadInstead"/>).
/// Skipped and listed, so a user sees what was not read, while a file named explicitly is an error instead.
/// </summary>
public sealed record SkippedInput(string File, string Reason, string? ReadInstead = null)
{
    public override string ToString() => $"{File} ({Reason})";
}
