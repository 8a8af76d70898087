using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs;

/// <summary>Collects what the importers read, then links it into a <see cref="TrustSet"/>.</summary>
internal sealed class TrustBuilder
{
    public List<GcpPool> Pools { get; } = [];

    public List<GcpProvider> Providers { get; } = [];

    public List<GcpBinding> Bindings { get; } = [];

    public Dictionary<string, string> ProjectNumbers { get; } = new(StringComparer.Ordinal);

    public List<AzureIdentity> AzureIdentities { get; } = [];

    public List<AzureFederatedCredential> AzureCredentials { get; } = [];

    /// <summary>
    /// Identities described only as context (a Terraform data source of an existing application or managed identity):
    /// they give a credential's parent its client id, and are no identity of their own when no credential names them.
    /// </summary>
    public List<AzureIdentity> AzureContextIdentities { get; } = [];

    /// <summary>Static keys read while importing (an <c>azuread_application</c>'s inline <c>password</c>).</summary>
    public List<StaticCredential> StaticCredentials { get; } = [];

    public List<AwsOidcProvider> AwsProviders { get; } = [];

    public List<AwsRole> AwsRoles { get; } = [];

    public List<GitLabProject> GitLabProjects { get; } = [];

    /// <summary>Protected refs with the project they belong to (id, path or Terraform address), if the input said.</summary>
    public List<(GitLabProtectedRef Rule, bool IsTag)> ProtectedRefs { get; } = [];

    public List<GitLabProtectedEnvironment> ProtectedEnvironments { get; } = [];

    public List<UnrecognizedInput> Unrecognized { get; } = [];

    public List<string> Notes { get; } = [];

    public List<UnverifiedScope> Unverified { get; } = [];

    public List<string> Files { get; } = [];

    public TrustSet Build() => TrustLinker.Link(this);
}
