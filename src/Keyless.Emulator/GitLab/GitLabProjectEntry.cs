using System.Text.Json.Nodes;

namespace Keyless.Emulator.GitLab;

/// <summary>A project as GitLab's REST API serves it, with its protection lists.</summary>
public sealed record GitLabProjectEntry(long Id, string Path, string NamespacePath, JsonObject Resource, JsonArray Branches, JsonArray Tags, JsonArray Environments);
