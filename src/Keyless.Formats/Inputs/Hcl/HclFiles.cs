namespace Keyless.Formats.Inputs.Hcl;

/// <summary>
/// Which files are Terraform's native syntax. Keyless recognises every other input by its content, but HCL has no
/// marker to recognise: Terraform itself decides by the <c>.tf</c> extension, and so does Keyless.
/// </summary>
internal static class HclFiles
{
    public static bool IsHcl(string file) => file.EndsWith(".tf", StringComparison.Ordinal);

    /// <summary>
    /// The <c>.tf</c> files under a folder, without <c>.terraform/</c> (what <c>terraform init</c> downloads: copies of
    /// modules, which are not this configuration).
    /// </summary>
    public static IEnumerable<string> In(string folder) =>
        Directory.EnumerateFiles(folder, "*.tf", SearchOption.AllDirectories)
            .Where(f => IsHcl(f) && !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Contains(".terraform"));
}
