namespace Keyless.Formats.Inputs.Hcl;

/// <summary>
/// Which files are Terraform's native syntax. Keyless recognises every other input by its content, but HCL has no
/// marker to recognise: Terraform itself decides by the extension (<c>.tf</c>, and <c>.tfvars</c> for variable
/// values), and so does Keyless.
/// </summary>
internal static class HclFiles
{
    public static bool IsHcl(string file) => file.EndsWith(".tf", StringComparison.Ordinal) || IsVariableValues(file);

    /// <summary>A <c>.tfvars</c> file: variable values, not configuration.</summary>
    public static bool IsVariableValues(string file) => file.EndsWith(".tfvars", StringComparison.Ordinal);

    /// <summary>An override file (<c>override.tf</c>, <c>*_override.tf</c>, and their <c>.tf.json</c> forms), merged after the others.</summary>
    public static bool IsOverride(string file)
    {
        var name = Path.GetFileName(file);
        var stem = name.EndsWith(".tf.json", StringComparison.Ordinal) ? name[..^".tf.json".Length]
            : name.EndsWith(".tf", StringComparison.Ordinal) ? name[..^".tf".Length]
            : null;
        return stem is not null && (stem == "override" || stem.EndsWith("_override", StringComparison.Ordinal));
    }

    /// <summary>The values files Terraform loads by itself from the configuration's folder; any other is a -var-file.</summary>
    public static bool IsAutoLoaded(string file) =>
        Path.GetFileName(file) is var name && (name == "terraform.tfvars" || name.EndsWith(".auto.tfvars", StringComparison.Ordinal));

    /// <summary>
    /// The <c>.tf</c> files under a folder and the <c>.tfvars</c> files Terraform loads by itself, without
    /// <c>.terraform/</c> (what <c>terraform init</c> downloads: copies of modules, which are not this configuration).
    /// </summary>
    public static IEnumerable<string> In(string folder) =>
        Directory.EnumerateFiles(folder, "*.tf", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(folder, "*.tfvars", SearchOption.AllDirectories).Where(IsAutoLoaded))
            .Where(f => IsHcl(f) && !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Contains(".terraform"));
}
