using System.Text;

namespace Keyless.Plan.Design;

/// <summary>Deterministic names derived from user values, valid where each is used.</summary>
internal static class Names
{
    /// <summary>A Terraform resource name: letters, digits, '_' and '-', not starting with a digit.</summary>
    public static string Terraform(string value)
    {
        var name = Replace(value.ToLowerInvariant(), c => char.IsAsciiLetterOrDigit(c) || c == '_', '_');
        return char.IsAsciiDigit(name[0]) || name[0] == '_' ? "r_" + name.TrimStart('_') : name;
    }

    /// <summary>A Bicep symbolic name: letters, digits and '_', not starting with a digit.</summary>
    public static string Bicep(string value) => Terraform(value).Replace('-', '_');

    /// <summary>An Azure FIC name: ^[a-zA-Z0-9][a-zA-Z0-9-_]{2,119}$.</summary>
    public static string Azure(string value)
    {
        var name = Replace(value, c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_', '-');
        return name.Length > 120 ? name[..120] : name;
    }

    /// <summary>A GitLab job name that reads well and needs no YAML quoting.</summary>
    public static string Job(string value) =>
        Replace(value.ToLowerInvariant(), c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_', '-');

    /// <summary>A file name for a project path (acme/payments → acme-payments).</summary>
    public static string File(string value) => Replace(value, c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.', '-');

    private static string Replace(string value, Func<char, bool> keep, char with)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(keep(c) ? c : with);
        }

        return builder.ToString();
    }
}
