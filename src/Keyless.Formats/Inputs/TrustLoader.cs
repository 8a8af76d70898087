using System.Text.Json.Nodes;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs;

/// <summary>
/// Loads trust inputs (files or folders), each detected by its content, never by its name: Terraform JSON
/// (show -json of a state or plan, *.tf.json configuration, raw state), gcloud/REST JSON, az CLI, Graph and ARM
/// JSON, GitLab REST JSON, and keyless manifests; and Terraform's native syntax (*.tf), known by its extension as
/// Terraform knows it. Bad input throws <see cref="InputException"/> with the file
/// and JSON path.
/// </summary>
public static class TrustLoader
{
    public static TrustSet Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        // A file named twice (a folder and a file in it) is read once: its resources are not declared twice.
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            files.AddRange(Expand(path).Where(f => seen.Add(Path.GetFullPath(f))));
        }

        var parsed = files.Select(f => (File: f, Root: Parse(f, Read(f)))).ToList();
        var builder = new TrustBuilder();

        // Manifests first: they say what the other files are about.
        var contexts = new Dictionary<string, InputContext>(StringComparer.Ordinal);
        foreach (var (file, root) in parsed.Where(p => KeylessManifest.IsManifest(p.Root)))
        {
            KeylessManifest.Read(new JsonInput(file), (JsonObject)root!, builder, contexts);
        }

        var terraform = new Terraform.TerraformImporter(builder);
        foreach (var (file, root) in parsed.Where(p => !KeylessManifest.IsManifest(p.Root)))
        {
            builder.Files.Add(file);
            var context = contexts.GetValueOrDefault(Path.GetFullPath(file), InputContext.None);
            InputDetector.Import(new JsonInput(file), root, context, builder, terraform);
        }

        terraform.Finish();
        return StaticCredentialImporter.Attach(builder.Build(), parsed);
    }

    /// <summary>Loads one JSON text as if it were a file (tests, stdin).</summary>
    public static TrustSet LoadText(string name, string json)
    {
        var builder = new TrustBuilder();
        var terraform = new Terraform.TerraformImporter(builder);
        builder.Files.Add(name);
        var root = Parse(name, json);
        InputDetector.Import(new JsonInput(name), root, InputContext.None, builder, terraform);
        terraform.Finish();
        return StaticCredentialImporter.Attach(builder.Build(), [(name, root)]);
    }

    private static IEnumerable<string> Expand(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Concat(Hcl.HclFiles.In(path))
                .Order(StringComparer.Ordinal);
        }

        if (File.Exists(path))
        {
            return [path];
        }

        throw new InputException(path, "no such file or folder");
    }

    /// <summary>A <c>.tf</c> file becomes the JSON syntax a <c>.tf.json</c> has, so both share every rule after this.</summary>
    private static JsonNode? Parse(string file, string text) =>
        Hcl.HclFiles.IsHcl(file) ? Hcl.HclToJson.Convert(file, text) : JsonInput.Parse(file, text);

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(file, "cannot read: " + e.Message);
        }
    }
}
