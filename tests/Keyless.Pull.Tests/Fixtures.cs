using Keyless.Formats.Inputs;
using Keyless.Trust.Model;

namespace Keyless.Pull.Tests;

internal static class Fixtures
{
    public static string TwoProjectsFolder => Path.Combine(RepoFolders.Root, "tests", "Keyless.Pull.Tests", "Fixtures", "two-projects");

    /// <summary>acme-prod (one service account) and acme-data (two, one with a user-managed key).</summary>
    public static TrustSet TwoProjects() => TrustLoader.Load([TwoProjectsFolder]);
}
