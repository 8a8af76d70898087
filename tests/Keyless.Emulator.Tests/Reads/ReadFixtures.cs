using Keyless.Formats.Inputs;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Tests.Reads;

/// <summary>Trusts the read-API tests serve: the repository's examples and audit fixtures, loaded as the CLI loads them.</summary>
internal static class ReadFixtures
{
    public const string KeysAccount = "deployer@acme-prod.iam.gserviceaccount.com";

    public static TrustSet GcpWithKeys() =>
        TrustLoader.Load([Path.Combine(RepoFolders.Root, "tests", "audit-cases", "service-account-key-gcloud-keys-list", "trust")]);

    public static TrustSet Example(string name) => TrustLoader.Load([RepoFolders.Example(name)]);

    public static TrustSet Examples(params string[] names) => TrustLoader.Load(names.Select(RepoFolders.Example));
}
