using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Scan;
using Keyless.Trust.Diagnostics;

namespace Keyless.Pull.Output;

/// <summary>
/// The output folder of a pull: each response as the API sent it (indented), the keyless manifest naming what a
/// response cannot (a policy's service account, a protection list's project, that a page continues in another file),
/// and pull.json. Every file is scanned before it is written: one in which a detector finds a static key is held back
/// and said so, so no secret reaches the disk by way of a pull. Pulls into the same folder add to its manifest and
/// record; a scope pulled again replaces its own files.
/// </summary>
public sealed class PullFolder
{
    public const string ManifestFile = "keyless-manifest.json";
    public const string RecordFile = "pull.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SecretScanner _scanner = new();
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, JsonObject> _entries = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _numbers = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _cleared = new(StringComparer.Ordinal);
    private int _written;

    public PullFolder(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = Path.GetFullPath(root);
        try
        {
            Directory.CreateDirectory(Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("--out", $"cannot create '{root}': {e.Message}");
        }
    }

    public string Root { get; }

    public int Written => _written;

    /// <summary>Removes what an earlier pull of the same scope wrote, so a second pull leaves no stale file behind.</summary>
    public void Clear(string relativeFolder)
    {
        lock (_gate)
        {
            _cleared.Add(relativeFolder);
        }

        var folder = Full(relativeFolder);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Writes one response; <paramref name="entry"/> is what the manifest says about it (at least the API method in
    /// <c>response</c>). Returns null, or why the file was held back (it holds a static key: the detector's words,
    /// with the key's fingerprint, never the key). <paramref name="metadata"/> names detectors whose finds are what the
    /// file is about and no secret (an access key's id in IAM's key metadata, which holds no secret key).
    /// </summary>
    public string? Write(string relativePath, JsonNode body, JsonObject entry, IReadOnlySet<string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(entry);
        var text = body.ToJsonString(Indented) + "\n";
        var found = _scanner.ScanText(text, relativePath).Where(f => metadata?.Contains(f.Id) != true).ToList();
        if (found.Count > 0)
        {
            return $"{relativePath} was not written: it holds {string.Join("; ", found.Select(f => f.Message.TrimEnd('.')))}";
        }

        var path = Full(relativePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, "cannot write: " + e.Message);
        }

        lock (_gate)
        {
            _entries[relativePath] = entry;
            _written++;
        }

        return null;
    }

    /// <summary>Says in the manifest that a list's page continues in another file (so no "page 1 of more" note).</summary>
    public void Continues(string relativePath, string nextRelativePath)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(relativePath, out var entry))
            {
                entry["nextPage"] = Path.GetRelativePath(Path.GetDirectoryName(Full(relativePath))!, Full(nextRelativePath)).Replace('\\', '/');
            }
        }
    }

    public void ProjectNumber(string id, string number)
    {
        lock (_gate)
        {
            _numbers[id] = number;
        }
    }

    /// <summary>Writes the manifest (merged with the one already there, if any) and adds <paramref name="pull"/> to pull.json.</summary>
    public void Commit(JsonObject pull)
    {
        ArgumentNullException.ThrowIfNull(pull);
        string[] replaced;
        lock (_gate)
        {
            replaced = [.. _cleared.Select(f => f.TrimEnd('/') + "/")];
        }

        var manifest = ReadExisting(ManifestFile) ?? new JsonObject();
        var files = manifest["files"] as JsonObject ?? [];
        foreach (var stale in files.Select(f => f.Key).Where(name => replaced.Any(r => name.StartsWith(r, StringComparison.Ordinal))).ToList())
        {
            files.Remove(stale);
        }

        var numbers = manifest["gcp"]?["projectNumbers"] as JsonObject ?? [];
        lock (_gate)
        {
            foreach (var (name, entry) in _entries)
            {
                files[name] = entry.DeepClone();
            }

            foreach (var (id, number) in _numbers)
            {
                numbers[id] = number;
            }
        }

        var written = new JsonObject { [KeylessManifest.Marker] = 1 };
        if (numbers.Count > 0)
        {
            written["gcp"] = new JsonObject { ["projectNumbers"] = numbers.DeepClone() };
        }

        written["files"] = new JsonObject(files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())));
        WriteOwn(ManifestFile, written);

        var record = ReadExisting(RecordFile) ?? new JsonObject();
        var pulls = record["pulls"] as JsonArray ?? [];
        var scopes = pull["scopes"]!.ToJsonString();
        var kept = pulls.Where(p => p?["scopes"]?.ToJsonString() != scopes).Select(p => p?.DeepClone()).ToList();
        kept.Add(pull);
        WriteOwn(RecordFile, new JsonObject { [PullRecordMarker] = 1, ["pulls"] = new JsonArray([.. kept]) });
    }

    /// <summary>The key that marks pull.json (the loader reads its not-verified scopes).</summary>
    public const string PullRecordMarker = "keylessPull";

    private JsonObject? ReadExisting(string name)
    {
        var path = Full(name);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return StrictJson.Parse(File.ReadAllText(path), 64) as JsonObject;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InputException(path, "cannot read the earlier pull's file to add to it: " + e.Message);
        }
    }

    private void WriteOwn(string name, JsonObject body)
    {
        var path = Full(name);
        try
        {
            File.WriteAllText(path, body.ToJsonString(Indented) + "\n", new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, "cannot write: " + e.Message);
        }
    }

    private string Full(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
}
