using Keyless.GitLab.Lint.Shell;

namespace Keyless.GitLab.Lint.Flow;

/// <summary>What common CI commands do with their input, as far as a secret passing through them goes.</summary>
internal static class CommandKinds
{
    /// <summary>Print their arguments.</summary>
    public static readonly IReadOnlySet<string> Printers = Set("echo", "printf", "print", "Write-Output", "Write-Host");

    /// <summary>Pass their input (or the files they name) through unchanged.</summary>
    public static readonly IReadOnlySet<string> PassThrough = Set("cat", "tee", "grep", "egrep", "fgrep", "sort", "uniq", "less", "more", "tac");

    /// <summary>Change the value's form, which defeats GitLab's masking of the verbatim token.</summary>
    public static readonly IReadOnlySet<string> Transformers = Set(
        "base64", "base32", "basenc", "cut", "jq", "yq", "sed", "tr", "awk", "gawk", "mawk", "xxd", "od", "hexdump",
        "rev", "fold", "openssl", "head", "tail", "python", "python3", "perl", "ruby", "node", "iconv", "gzip", "step");

    /// <summary>Print environment variables (all of them without arguments).</summary>
    public static readonly IReadOnlySet<string> EnvironmentDumpers = Set("env", "printenv", "set", "export", "declare", "typeset");

    /// <summary>Builtins whose <c>NAME=value</c> arguments assign variables.</summary>
    public static readonly IReadOnlySet<string> Declarers = Set("export", "declare", "local", "readonly", "typeset");

    /// <summary>Variables that name a file (or folder) holding or pointing to cloud credentials.</summary>
    public static readonly IReadOnlySet<string> CredentialPathVariables = Set(
        "GOOGLE_APPLICATION_CREDENTIALS", "CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE", "GOOGLE_GHA_CREDS_PATH", "CLOUDSDK_CONFIG",
        "AZURE_FEDERATED_TOKEN_FILE", "ARM_OIDC_TOKEN_FILE_PATH", "AZURE_CONFIG_DIR");

    /// <summary>True for commands that print a cloud access or identity token (<c>gcloud auth print-access-token</c>, <c>az account get-access-token</c>, <c>keyless login … --print-access-token</c>).</summary>
    public static bool PrintsCloudToken(ShellCommand command)
    {
        var words = command.Words.Select(w => w.Text).ToList();
        return command.Name switch
        {
            "gcloud" => words.Contains("auth") && (words.Contains("print-access-token") || words.Contains("print-identity-token")),
            "az" => words.Contains("account") && words.Contains("get-access-token"),

            // keyless login prints the access token with --print-access-token (GCP), and always for Azure
            // unless --env-file sends the credentials to a file instead.
            "keyless" => words.Contains("login")
                && ((words.Contains("gcp") && words.Contains("--print-access-token"))
                    || (words.Contains("azure") && Option(command, "--env-file") is null)),
            _ => false,
        };
    }

    /// <summary>The value of <c>--name=value</c> or <c>--name value</c> among a command's arguments.</summary>
    public static ShellWord? Option(ShellCommand command, string name)
    {
        var words = command.Words;
        for (var i = 1; i < words.Count; i++)
        {
            var text = words[i].Text;
            if (text == name && i + 1 < words.Count)
            {
                return words[i + 1];
            }

            if (text.StartsWith(name + "=", StringComparison.Ordinal))
            {
                return words[i] with { Text = text[(name.Length + 1)..] };
            }
        }

        return null;
    }

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
