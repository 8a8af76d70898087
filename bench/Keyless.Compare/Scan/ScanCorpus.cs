using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Keyless.Compare.Scan;

/// <summary>A key planted in the corpus: where, and which Keyless detector must report it.</summary>
public sealed record PlantedKey(string RelativePath, string DetectorId);

/// <summary>
/// The scan corpus: a repository-like tree of source, YAML, JSON and Markdown (seeded filler, the same shape every
/// run) with one key planted in every hundredth file. Keys are generated per run and never written anywhere else;
/// none is a working credential.
/// </summary>
public static class ScanCorpus
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly string[] Words =
    [
        "deploy", "pipeline", "runner", "artifact", "cache", "stage", "config", "service", "token", "request", "handler",
        "release", "project", "namespace", "variable", "value", "result", "client", "server", "build", "module", "secret",
    ];

    public static IReadOnlyList<PlantedKey> Write(string root, int files)
    {
        var random = new Random(20261125);
        var planted = new List<PlantedKey>();
        for (var i = 0; i < files; i++)
        {
            var folder = Path.Combine(root, $"pkg{i / 100:D3}", $"mod{i % 7}");
            Directory.CreateDirectory(folder);
            var (extension, filler) = (i % 4) switch
            {
                0 => (".cs", Code(random)),
                1 => (".yml", Yaml(random)),
                2 => (".json", Json(random)),
                _ => (".md", Prose(random)),
            };
            var name = $"file{i:D5}{extension}";
            var text = filler;
            if (i % 100 == 50)
            {
                var kind = i / 100 % 5;
                var (file, content, detector) = Plant(kind, random);
                name = $"file{i:D5}{file}";

                // Key files stand alone, as downloaded; the other kinds sit inside ordinary text.
                text = kind <= 1 ? content : filler + content;
                planted.Add(new PlantedKey(Path.GetRelativePath(root, Path.Combine(folder, name)).Replace('\\', '/'), detector));
            }

            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return planted;
    }

    // Each kind as it turns up in real repositories, in shapes both scanners document.
    private static (string FileSuffix, string Content, string DetectorId) Plant(int kind, Random random) => kind switch
    {
        0 => ("-sa.json", GcpKeyJson(), "gcp-service-account-key"),
        1 => (".pem", RsaPem(), "private-key-pem"),
        2 => (".env", $"\nAWS_ACCESS_KEY_ID=AKIA{Random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}\nAWS_SECRET_ACCESS_KEY={AwsSecret()}\n", "aws-secret-access-key"),
        3 => (".sh", $"\nexport GITLAB_TOKEN=glpat-{Random(Alnum + "_-", 20)}\n", "gitlab-token"),
        _ => (".yml", $"\n  AZURE_CLIENT_SECRET: \"{Random(Alnum, 3)}{random.Next(10)}Q~{Random(Alnum + "_~.-", 34)}\"\n", "azure-client-secret"),
    };

    private static string GcpKeyJson() => new JsonObject
    {
        ["type"] = "service_account",
        ["project_id"] = "acme-bench",
        ["private_key_id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
        ["private_key"] = RsaPem(),
        ["client_email"] = "deployer@acme-bench.iam.gserviceaccount.com",
        ["client_id"] = "1" + Random("0123456789", 20),
        ["token_uri"] = "https://oauth2.googleapis.com/token",
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    private static string RsaPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem() + "\n";
    }

    private static string AwsSecret() =>
        Random(Alnum + "+/", 37) + Random("0123456789", 1) + Random("abcdefghijklmnopqrstuvwxyz", 1) + Random("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1);

    private static string Random(string alphabet, int length) => RandomNumberGenerator.GetString(alphabet, length);

    private static string Word(Random random) => Words[random.Next(Words.Length)];

    private static string Code(Random random)
    {
        var text = new StringBuilder("namespace Acme.Bench;\n\npublic sealed class Sample\n{\n");
        for (var i = 0; i < 60; i++)
        {
            text.Append($"    public string {Word(random)}{i}(string {Word(random)}) => \"{Word(random)}-{random.Next(100000)}\" + {Word(random)};\n");
        }

        return text.Append("}\n").ToString();
    }

    private static string Yaml(Random random)
    {
        var text = new StringBuilder("stages: [build, test, deploy]\n");
        for (var i = 0; i < 50; i++)
        {
            text.Append($"{Word(random)}-{i}:\n  stage: {Word(random)}\n  script:\n    - echo \"{Word(random)} {random.Next(100000)}\"\n");
        }

        return text.ToString();
    }

    private static string Json(Random random)
    {
        var obj = new JsonObject();
        for (var i = 0; i < 90; i++)
        {
            obj[$"{Word(random)}_{i}"] = $"{Word(random)}/{Word(random)}/{random.Next(1_000_000)}";
        }

        return obj.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static string Prose(Random random)
    {
        var text = new StringBuilder("# Notes\n\n");
        for (var i = 0; i < 70; i++)
        {
            text.Append($"The {Word(random)} {Word(random)}s the {Word(random)} before the {Word(random)} {random.Next(1000)}.\n");
        }

        return text.ToString();
    }
}
