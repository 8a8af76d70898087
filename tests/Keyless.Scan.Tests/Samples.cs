using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Keyless.Scan.Tests;

/// <summary>
/// Generated credentials: random every run, never committed. Shapes follow the real formats closely enough for
/// the detectors, and no sample is a working credential.
/// </summary>
internal static class Samples
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Random(string alphabet, int length) =>
        RandomNumberGenerator.GetString(alphabet, length);

    public static string RsaPkcs8Pem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    public static string GcpKeyJson(out string privateKey, string email = "deployer@acme-test.iam.gserviceaccount.com")
    {
        privateKey = RsaPkcs8Pem();
        var json = new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = "acme-test",
            ["private_key_id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
            ["private_key"] = privateKey,
            ["client_email"] = email,
            ["client_id"] = "1" + Random("0123456789", 20),
            ["token_uri"] = "https://oauth2.googleapis.com/token",
        };
        return json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Base64 wrapped at 76 columns, as <c>base64 key.json</c> writes it.</summary>
    public static string Base64Wrapped(string text)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        var lines = Enumerable.Range(0, (encoded.Length + 75) / 76)
            .Select(i => encoded.Substring(i * 76, Math.Min(76, encoded.Length - (i * 76))));
        return string.Join('\n', lines) + "\n";
    }

    public static string AzureClientSecret() =>
        Random(Alnum + "_~.", 3) + Random("0123456789", 1) + "Q~" + Random(Alnum + "_~.-", 34);

    public static string AwsAccessKeyId() => "AKIA" + Random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);

    public static string AwsSecretAccessKey()
    {
        // Guarantee the mixed classes real keys have, so the sample never flakes on a rare draw.
        var body = Random(Alnum + "+/", 37);
        return body + Random("0123456789", 1) + Random("abcdefghijklmnopqrstuvwxyz", 1) + Random("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1);
    }

    public static string GitLabToken(string prefix = "glpat-") => prefix + Random(Alnum + "_-", 20);
}
