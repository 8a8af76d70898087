using Keyless.Formats.Inputs;
using Keyless.Trust.Model;

namespace Keyless.Pull.Tests;

internal static class Fixtures
{
    public static string TwoProjectsFolder => Path.Combine(RepoFolders.Root, "tests", "Keyless.Pull.Tests", "Fixtures", "two-projects");

    public static string AwsAccountFolder => Path.Combine(RepoFolders.Root, "tests", "Keyless.Pull.Tests", "Fixtures", "aws-account");

    /// <summary>Account 111122223333: the gitlab.com provider, two roles trusting it and one trusting EC2, two users with keys.</summary>
    public static TrustSet AwsAccount() => TrustLoader.Load([AwsAccountFolder]);

    /// <summary>acme-prod (one service account) and acme-data (two, one with a user-managed key).</summary>
    public static TrustSet TwoProjects() => TrustLoader.Load([TwoProjectsFolder]);
}
