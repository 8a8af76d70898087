namespace Keyless.Trust.Model;

/// <summary>
/// A file found in a folder of inputs that holds no trust Keyless reads (a package.json, an editor setting): skipped
/// and listed, so a user sees what was not read, while a file named explicitly is an error instead.
/// </summary>
public sealed record SkippedInput(string File, string Reason)
{
    public override string ToString() => $"{File} ({Reason})";
}
