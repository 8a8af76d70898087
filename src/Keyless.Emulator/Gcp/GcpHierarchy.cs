using System.Text.Json.Nodes;

namespace Keyless.Emulator.Gcp;

/// <summary>
/// Where the emulated projects sit in Resource Manager's hierarchy. A trust does not say, so every project sits under
/// one parent (<see cref="EmulatorOptions.GcpParent"/>) unless <see cref="EmulatorOptions.GcpProjectParents"/> names
/// another, and the folders of <see cref="EmulatorOptions.GcpFolders"/> (each folder and its parent) form the tree
/// above them, so a walk of subfolders can be tested.
/// </summary>
internal sealed class GcpHierarchy
{
    private readonly string _parent;
    private readonly IReadOnlyDictionary<string, string> _folders;
    private readonly IReadOnlyDictionary<string, string> _projectParents;

    public GcpHierarchy(EmulatorOptions options)
    {
        _parent = options.GcpParent;
        _folders = options.GcpFolders;
        _projectParents = options.GcpProjectParents;
    }

    /// <summary><c>folders/ID</c> or <c>organizations/ID</c>.</summary>
    public string ParentOf(string projectId) => _projectParents.TryGetValue(projectId, out var parent) ? parent : _parent;

    /// <summary>The folders directly under <paramref name="parent"/>, in name order.</summary>
    public IEnumerable<string> FoldersUnder(string parent) =>
        _folders.Where(f => f.Value == parent).Select(f => f.Key).Order(StringComparer.Ordinal);

    /// <summary>The v2 Folder resource (gcloud's generated cloudresourcemanager v2 messages: name, parent, displayName,
    /// lifecycleState, createTime); the emulator knows no display name, so the folder's number stands in.</summary>
    public JsonObject FolderResource(string folder) => new()
    {
        ["name"] = folder,
        ["parent"] = _folders[folder],
        ["displayName"] = folder["folders/".Length..],
        ["lifecycleState"] = "ACTIVE",
        ["createTime"] = "2024-01-01T00:00:00.000Z",
    };

    /// <summary>The v1 Project's <c>parent</c>: <c>{"type": "folder", "id": "100"}</c>.</summary>
    public JsonObject ProjectParent(string projectId)
    {
        var parent = ParentOf(projectId);
        var slash = parent.IndexOf('/', StringComparison.Ordinal);
        return new JsonObject { ["type"] = parent[..slash].TrimEnd('s'), ["id"] = parent[(slash + 1)..] };
    }
}
