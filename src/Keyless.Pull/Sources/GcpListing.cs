namespace Keyless.Pull.Sources;

/// <summary>What listing one folder or organization found: the projects in it at any depth, and the subfolders walked.</summary>
public sealed record GcpListing(IReadOnlyList<string> Projects, IReadOnlyList<string> Subfolders);
