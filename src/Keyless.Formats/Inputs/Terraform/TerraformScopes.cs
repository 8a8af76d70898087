namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// How the folders Terraform inputs were read from are named beside their addresses: by their path below the
/// deepest folder they share (<c>prod</c> and <c>staging</c> for <c>envs/prod</c> and <c>envs/staging</c>), so a reader can
/// find each one. One folder needs no name, and neither does that shared folder when it holds inputs itself: their
/// addresses stay as Terraform writes them, as a user running Terraform there sees them.
/// </summary>
internal static class TerraformScopes
{
    public static IReadOnlyDictionary<string, string?> Of(IReadOnlyList<string> folders)
    {
        if (folders.Count <= 1)
        {
            return folders.ToDictionary(f => f, _ => (string?)null, StringComparer.Ordinal);
        }

        var common = folders.Select(Parts).Aggregate((a, b) => [.. a.Zip(b).TakeWhile(p => p.First == p.Second).Select(p => p.First)]);
        return folders.ToDictionary(
            f => f,
            f => Parts(f).Length == common.Length ? null : string.Join('/', Parts(f).Skip(common.Length)),
            StringComparer.Ordinal);
    }

    private static string[] Parts(string folder) =>
        folder.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
}
