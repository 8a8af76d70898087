namespace Keyless.Login.Files;

/// <summary>
/// The token file a written configuration names. Clients re-read the token from a file at each refresh
/// (credential_source.file, AZURE_FEDERATED_TOKEN_FILE), so a token that came from an environment variable or
/// standard input is copied, 0600, beside the output: <c>gcp.json</c> → <c>gcp.jwt</c>.
/// </summary>
public static class TokenFile
{
    public const string Extension = ".jwt";

    /// <summary>The path clients should read; writes the copy when <paramref name="tokenFile"/> is null.</summary>
    public static string Resolve(string token, string? tokenFile, string outputPath, string option)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(outputPath);
        if (tokenFile is not null)
        {
            return Path.GetFullPath(tokenFile);
        }

        // No trailing newline: clients send the file's text as it is, and a newline would become part of the token.
        var path = CopyPath(outputPath);
        PrivateFile.Write(path, token, option);
        return path;
    }

    public static string CopyPath(string outputPath)
    {
        var full = Path.GetFullPath(outputPath);
        var copy = Path.ChangeExtension(full, Extension);
        return copy == full ? full + Extension : copy;
    }
}
