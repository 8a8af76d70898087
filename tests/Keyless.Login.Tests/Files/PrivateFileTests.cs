using Keyless.Login.Files;

namespace Keyless.Login.Tests.Files;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("keyless-private-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Should_Create_The_File_Readable_By_Its_Owner_Only()
    {
        var path = Path.Combine(_directory, "cred.json");

        PrivateFile.Write(path, "{}", "--output");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("{}", File.ReadAllText(path));
    }

    [Fact]
    public void Should_Replace_A_Readable_File_Instead_Of_Reusing_Its_Mode()
    {
        var path = Path.Combine(_directory, "cred.json");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        PrivateFile.Write(path, "new", "--output");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Should_Copy_An_Environment_Token_Beside_The_Output()
    {
        var output = Path.Combine(_directory, "gcp.json");

        var path = TokenFile.Resolve("a.b.c", null, output, "--output");

        Assert.Equal(Path.Combine(_directory, "gcp.jwt"), path);
        Assert.Equal("a.b.c", File.ReadAllText(path));
    }
}
