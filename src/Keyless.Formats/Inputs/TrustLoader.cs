using System.Text.Json.Nodes;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs;

/// <summary>
/// Loads trust inputs (files or folders), each detected by its content, never by its name: Terraform JSON
/// (show -json of a state or plan, *.tf.json configuration, raw state), gcloud/REST JSON, az CLI, Graph and ARM
/// JSON, GitLab REST JSON, AWS CLI JSON, CloudFormation templates (JSON or YAML), and keyless manifests; and Terraform's native syntax (<c>*.tf</c>), known by its extension
/// as Terraform knows it. A folder is read as users have one: every <c>*.json</c> and <c>*.tfstate</c> below it that
/// is a trust input is read, and every <c>*.yaml</c> / <c>*.yml</c> that is a CloudFormation template, with its <c>*.tf</c> (and the <c>*.tfvars</c> Terraform loads by itself); anything else
/// is listed in <see cref="TrustSet.Skipped"/>; a file named explicitly must be one. Bad input throws <see cref="InputException"/> with the file and JSON path,
/// and so does input that names no identity at all: a gate that read nothing must not pass.
/// </summary>
public static class TrustLoader
{
    /// <summary>Folders that hold no trust of the user's: Terraform's provider and module cache, git's own data, npm's.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".terraform", ".git", "node_modules" };

    public static TrustSet Load(IEnumerable<string> paths) => Load(paths, TrustRequirement.Identity);

    public static TrustSet Load(IEnumerable<string> paths, TrustRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var given = paths.ToArray();
        var (parsed, skipped) = ReadAll(given);
        var builder = new TrustBuilder();

        // Manifests first: they say what the other files are about. Pull records say what a live read could not see.
        var contexts = new Dictionary<string, InputContext>(StringComparer.Ordinal);
        foreach (var (file, root) in parsed.Where(p => KeylessManifest.IsManifest(p.Root)))
        {
            KeylessManifest.Read(new JsonInput(file), (JsonObject)root!, builder, contexts);
        }

        foreach (var (file, root) in parsed.Where(p => PullRecordInput.IsPullRecord(p.Root)))
        {
            PullRecordInput.Read(new JsonInput(file), (JsonObject)root!, builder);
        }

        // A response a manifest names (keyless pull wrote it) is known even when it holds no trust: an empty list, a
        // project's number, a listing of what other files hold.
        skipped = [.. skipped.Where(s => contexts.GetValueOrDefault(Path.GetFullPath(s.File))?.Response is null)];
        var terraform = new Terraform.TerraformImporter(builder);
        var trustFiles = parsed.Where(p => !KeylessManifest.IsManifest(p.Root) && !PullRecordInput.IsPullRecord(p.Root)).ToList();
        foreach (var (file, root) in trustFiles)
        {
            var context = contexts.GetValueOrDefault(Path.GetFullPath(file), InputContext.None);
            if (context.Listing || (context.Response is not null && !InputDetector.Recognises(root)))
            {
                continue;
            }

            builder.Files.Add(file);
            InputDetector.Import(new JsonInput(file), root, context, builder, terraform);
        }

        terraform.Finish();
        var trust = StaticCredentialImporter.Attach(builder.Build(), trustFiles.Where(p => contexts.GetValueOrDefault(Path.GetFullPath(p.File))?.Listing != true).ToList()) with { Skipped = skipped };
        var found = trust.Unverified.Count > 0 || (requirement == TrustRequirement.Identity
            ? IdentityCatalog.Build(trust).Count > 0
            : trust.Pools.Count + trust.Providers.Count + trust.Bindings.Count + trust.AzureIdentities.Count + trust.AwsProviders.Count + trust.AwsRoles.Count > 0);
        if (!found)
        {
            throw NoTrust(given, [.. parsed.Select(p => p.File)], skipped, requirement);
        }

        return trust;
    }

    /// <summary>Loads one JSON text as if it were a file (tests, stdin); it may hold context only, such as a lone provider.</summary>
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

    private static (List<(string File, JsonNode? Root)> Parsed, List<SkippedInput> Skipped) ReadAll(string[] paths)
    {
        var parsed = new List<(string File, JsonNode? Root)>();
        var skipped = new List<SkippedInput>();

        // A file named twice (a folder and a file in it) is read once: its resources are not declared twice.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path)))
                {
                    parsed.Add((path, Parse(path, Read(path))));
                }

                continue;
            }

            if (!Directory.Exists(path))
            {
                throw new InputException(path, "no such file or folder");
            }

            var files = FolderFiles(path).Where(f => seen.Add(Path.GetFullPath(f))).ToArray();

            // Reading and parsing the JSON files is most of a large folder's load and each file stands alone: it runs
            // on every core, and what it gave is taken below in path order, as if read one by one.
            var read = new (bool Ok, JsonNode? Root, string Why)[files.Length];
            Parallel.For(0, files.Length, i =>
            {
                if (!Hcl.HclFiles.IsHcl(files[i]))
                {
                    read[i] = ReadFound(files[i]);
                }
            });

            for (var i = 0; i < files.Length; i++)
            {
                var file = files[i];
                // Terraform's own syntax is a trust input by its extension: a syntax error in it is an error, not a skip.
                // In a working directory that has been applied, the state says what is deployed: the configuration
                // beside it would declare the same resources again.
                if (Hcl.HclFiles.IsHcl(file))
                {
                    var state = Path.Combine(Path.GetDirectoryName(file)!, "terraform.tfstate");
                    if (File.Exists(state))
                    {
                        skipped.Add(new SkippedInput(file, "this folder's terraform.tfstate is read instead", state));
                    }
                    else
                    {
                        parsed.Add((file, Parse(file, Read(file))));
                    }

                    continue;
                }

                // Found, not named: whatever is not a trust input is listed and left alone; a YAML file that names no
                // AWS resource type (a pipeline, a .keyless.yml) is not even listed.
                var (ok, root, why) = read[i];
                if (ok && root is null && why == NotATemplate)
                {
                    continue;
                }

                if (!ok)
                {
                    skipped.Add(new SkippedInput(file, why));
                }
                else if (!InputDetector.Recognises(root))
                {
                    skipped.Add(new SkippedInput(file, "not a trust input"));
                }
                else
                {
                    parsed.Add((file, root));
                }
            }
        }

        // Files named explicitly come first in the order given, then each folder's in path order.
        return (parsed, skipped);
    }

    /// <summary>
    /// The candidate files below a folder: <c>*.json</c> (so <c>*.tf.json</c>), <c>*.tfstate</c>, <c>*.tf</c> and the
    /// <c>*.tfvars</c> Terraform loads by itself, and <c>*.yaml</c> / <c>*.yml</c> (CloudFormation templates), in path order.
    /// </summary>
    private static List<string> FolderFiles(string folder)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = true };
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            files.AddRange(Directory.EnumerateFiles(current, "*", options).Where(f =>
                f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".tfstate", StringComparison.OrdinalIgnoreCase)
                || Aws.CloudFormationYaml.IsYaml(f)
                || (Hcl.HclFiles.IsHcl(f) && (!Hcl.HclFiles.IsVariableValues(f) || Hcl.HclFiles.IsAutoLoaded(f)))));
            foreach (var sub in Directory.EnumerateDirectories(current, "*", options))
            {
                // A symbolic link to a folder could lead back up the tree; the user can name its target.
                if (!SkippedFolders.Contains(Path.GetFileName(sub)) && new DirectoryInfo(sub).LinkTarget is null)
                {
                    pending.Push(sub);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static InputException NoTrust(string[] paths, string[] read, List<SkippedInput> skipped, TrustRequirement requirement)
    {
        var where = string.Join(", ", paths);
        var readPart = read.Length == 0 ? "read no trust file" : "read " + Listed(read);
        var skippedPart = skipped.Count == 0 ? string.Empty : "; skipped " + Listed([.. skipped.Select(s => s.ToString())]);
        var wanted = requirement == TrustRequirement.Identity
            ? "none names a GCP service account or principal bound to a workload identity pool, an Entra application or managed identity with a federated credential, or an IAM role trusting a federated principal"
            : "none holds a workload identity pool, provider or binding, an Entra application, managed identity or federated credential, or an IAM OIDC provider or role";
        return new InputException(where, $"no trust found in {where} ({readPart}{skippedPart}): {wanted} (docs/inputs.md lists what is read)");
    }

    // The files a refusal is about, so its one line names them; a long list ends with how many more.
    private static string Listed(string[] items) =>
        string.Join(", ", items.Take(5)) + (items.Length > 5 ? $", … ({items.Length - 5} more)" : string.Empty);

    /// <summary>
    /// A <c>.tf</c> file becomes the JSON syntax a <c>.tf.json</c> has, and a CloudFormation template in YAML the JSON
    /// template, so each shares every rule after this.
    /// </summary>
    private static JsonNode? Parse(string file, string text) =>
        Hcl.HclFiles.IsHcl(file) ? Hcl.HclToJson.Convert(file, text)
        : Aws.CloudFormationYaml.IsYaml(file) ? Aws.CloudFormationYaml.Convert(file, text)
        : JsonInput.Parse(file, text);

    private const string NotATemplate = "names no AWS resource type";

    // A file found in a folder: its tree, or why it is not read (a YAML file that is no template is passed over).
    private static (bool Ok, JsonNode? Root, string Why) ReadFound(string file)
    {
        if (!TryRead(file, out var text, out var why))
        {
            return (false, null, why);
        }

        if (!Aws.CloudFormationYaml.IsYaml(file))
        {
            return JsonInput.TryParse(text, out var root, out why) ? (true, root, why) : (false, null, why);
        }

        if (!Aws.CloudFormationYaml.MayBeTemplate(text))
        {
            return (true, null, NotATemplate);
        }

        try
        {
            return (true, Aws.CloudFormationYaml.Convert(file, text), string.Empty);
        }
        catch (InputException e)
        {
            return (false, null, e.Line is { } line ? $"{e.Message} (line {line})" : e.Message);
        }
    }

    private static string Read(string file) =>
        TryRead(file, out var text, out var why) ? text : throw new InputException(file, why);

    private static bool TryRead(string file, out string text, out string why)
    {
        try
        {
            text = File.ReadAllText(file);
            why = string.Empty;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text = string.Empty;
            why = "cannot read: " + e.Message;
            return false;
        }
    }
}
