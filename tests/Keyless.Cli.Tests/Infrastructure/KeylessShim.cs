namespace Keyless.Cli.Tests.Infrastructure;

/// <summary>
/// A folder with a <c>keyless</c> script that runs the keyless under test (<see cref="KeylessBinary"/>), to put first
/// on the PATH of a shell that runs what a user or a job would type.
/// </summary>
public static class KeylessShim
{
    /// <summary>Creates <paramref name="folder"/>/.bin/keyless and returns the .bin folder.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static string Create(string folder)
    {
        var bin = Path.Combine(folder, ".bin");
        Directory.CreateDirectory(bin);
        var start = KeylessBinary.StartInfo();
        var shim = Path.Combine(bin, "keyless");
        File.WriteAllText(shim, "#!/bin/sh\nexec " + string.Join(' ', new[] { start.FileName }.Concat(start.ArgumentList).Select(a => $"'{a}'")) + " \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }
}
