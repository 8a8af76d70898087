using System.Text.Json.Nodes;
using Keyless.Emulator.Logging;
using Keyless.Emulator.Reads;

namespace Keyless.Emulator;

/// <summary>How the emulator is set up; everything else comes from the loaded trust.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The one issuer the emulator stands in for; null: every issuer the trust names.</summary>
    public string? IssuerUrl { get; init; }

    /// <summary>Where the decision log goes; <see cref="DecisionLog.Null"/> drops it.</summary>
    public DecisionLog Log { get; init; } = DecisionLog.Null;

    /// <summary>Fetches keys of trust issuers the emulator does not stand in for; null: never fetch.</summary>
    public Verification.IJwksFetcher? Fetcher { get; init; }

    /// <summary>The most items a read API puts on one page, below each API's own maximum; null: the APIs' own sizes.
    /// Small values make every list span pages, for paging tests.</summary>
    public int? MaxPageSize { get; init; }

    /// <summary>The one parent of every GCP project the emulator serves, as Resource Manager names it (<c>folders/ID</c> or
    /// <c>organizations/ID</c>): a trust does not say where its projects sit, so <c>projects.list</c> filtered by this
    /// parent lists them all and any other parent lists none.</summary>
    public string GcpParent { get; init; } = "folders/100";

    /// <summary>Folders under <see cref="GcpParent"/> or under each other, each with its parent (<c>folders/200</c> →
    /// <c>folders/100</c>): Resource Manager v2 <c>folders.list</c> serves them.</summary>
    public IReadOnlyDictionary<string, string> GcpFolders { get; init; } = new Dictionary<string, string>();

    /// <summary>Projects (by id) that sit under another folder than <see cref="GcpParent"/>.</summary>
    public IReadOnlyDictionary<string, string> GcpProjectParents { get; init; } = new Dictionary<string, string>();

    /// <summary>Failures the read APIs play (429, 5xx, 401, 403, dropped connections).</summary>
    public IReadOnlyList<ReadFault> Faults { get; init; } = [];

    /// <summary>GitLab CI/CD variables the emulator serves, by owner (a project's or group's full path, or
    /// <c>instance</c>): arrays in the variables API's shape.</summary>
    public IReadOnlyDictionary<string, JsonArray> GitLabVariables { get; init; } = new Dictionary<string, JsonArray>();
}
