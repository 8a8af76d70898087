using System.Security.Cryptography;
using System.Text;
using Keyless.Trust.Diagnostics;

namespace Keyless.Login.Files;

/// <summary>
/// Writes files only their owner can read. The mode is set when the file is created (never chmod afterwards,
/// which leaves a window), and the content goes to a new temporary file that then replaces the target, so an
/// existing file with a looser mode is replaced rather than reused, and a reader never sees half a file.
/// </summary>
public static class PrivateFile
{
    public const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Write(string path, string content, string option)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        if (Directory.Exists(full))
        {
            throw new InputException(path, $"is a folder; {option} needs a file name");
        }

        if (!Directory.Exists(directory))
        {
            throw new InputException(path, $"the folder {directory} does not exist ({option})");
        }

        var temporary = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)) + ".tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerReadWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new InputException(path, $"cannot write ({option}): {e.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file holds the same secret the caller failed to write, and is 0600.
        }
    }
}
