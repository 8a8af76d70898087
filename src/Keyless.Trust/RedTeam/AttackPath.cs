using Keyless.Trust.GitLab;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// One way into an identity: a GCP provider (with the identity's bindings on its pool) or one Azure federated
/// credential. A witness for the path carries the issuer and audience this path accepts.
/// </summary>
public sealed record AttackPath
{
    public required Identity Identity { get; init; }

    /// <summary>"provider projects/…/providers/x" or "credential 'name'".</summary>
    public required string Label { get; init; }

    /// <summary>The instance the trusted issuer belongs to; every token it mints carries its fixed <c>iss</c>.</summary>
    public required GitLabInstance Instance { get; init; }

    /// <summary>The <c>iss</c> GitLab puts in the token (never the trust's spelling of it).</summary>
    public string Issuer => Instance.Issuer;

    public required string Audience { get; init; }

    public GcpProvider? Provider { get; init; }

    public AzureFederatedCredential? Credential { get; init; }

    public required SourceRef Source { get; init; }

    public required AtomSet Atoms { get; init; }

    public required VictimProject Victim { get; init; }
}
