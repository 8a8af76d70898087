using System.Text;
using Keyless.Formats.Output;
using Keyless.GitLab.Api;
using Keyless.Trust.Findings;

namespace Keyless.Scan.Tests;

public sealed class SecretScannerTests
{
    public sealed class ScanText
    {
        [Fact]
        public void Should_Report_Each_Secret_At_Its_Own_Line_In_Order()
        {
            var text = $"# deploy\nAWS_ACCESS_KEY_ID={Samples.AwsAccessKeyId()}\n\nTOKEN={Samples.GitLabToken()}\n";

            var findings = new SecretScanner().ScanText(text, "deploy.env");

            Assert.Equal([("aws-access-key-id", 2), ("gitlab-token", 4)], findings.Select(f => (f.Id, f.Location.Line ?? 0)));
        }

        [Fact]
        public void Should_Give_Equal_Secrets_Equal_Fingerprints_And_Different_Secrets_Different_Ones()
        {
            var a = Samples.GitLabToken();
            var b = Samples.GitLabToken();

            var messages = new SecretScanner().ScanText($"{a}\n{a}\n{b}\n", "x").Select(f => f.Message).ToList();

            Assert.Equal(messages[0], messages[1]);
            Assert.NotEqual(messages[0], messages[2]);
        }

        // Its cost against the input size is measured in Keyless.Fuzz.Tests.ScalingTests, not with a clock here.
        [Fact]
        public void Should_Find_Nothing_In_Every_Keyword_Never_Completed()
        {
            // Every detector's keyword, repeated without ever completing a match: a backtracking matcher or a
            // quadratic search would take minutes here.
            var unit = "-----BEGIN PRIVATE KEY----- \"private_key\" service_account 1Q~ aws_secret= AKIA glpat- GR1348941 ";
            var text = new StringBuilder().Insert(0, unit, 4 * 1024 * 1024 / unit.Length).ToString();

            var findings = new SecretScanner().ScanText(text, "big.txt");

            Assert.Empty(findings);
        }
    }

    public sealed class ScanFiles
    {
        [Fact]
        public void Should_Walk_Folders_Skip_Git_And_Binary_Files_And_Report_Progress()
        {
            using var dir = new TempDir();
            dir.Write("ci/.env", "GITLAB_TOKEN=" + Samples.GitLabToken());
            dir.Write(".git/config", "token=" + Samples.GitLabToken());
            File.WriteAllBytes(Path.Combine(dir.Path, "blob.bin"), [0, 1, 2, .. Encoding.ASCII.GetBytes(Samples.GitLabToken())]);
            var reports = new List<ScanProgress>();

            var files = FileWalker.Enumerate([dir.Path]);
            var findings = new SecretScanner().ScanFiles(files, new SyncProgress(reports), TestContext.Current.CancellationToken);

            var finding = Assert.Single(findings);
            Assert.EndsWith(Path.Combine("ci", ".env"), finding.Location.File, StringComparison.Ordinal);
            Assert.Equal(files.Count, reports[^1].FilesDone);
            Assert.Equal(reports[^1].BytesTotal, reports[^1].BytesDone);
        }

        [Fact]
        public void Should_Name_A_Missing_Path() =>
            Assert.Equal("no/such/place",
                Assert.Throws<Keyless.Trust.Diagnostics.InputException>(() => FileWalker.Enumerate(["no/such/place"])).File);
    }

    public sealed class NoSecretInOutput
    {
        [Fact]
        public void Should_Keep_Every_Planted_Secret_Out_Of_Every_Format_And_Every_Log_Line()
        {
            var gcp = Samples.GcpKeyJson(out var gcpPrivateKey);
            var pem = Samples.RsaPkcs8Pem();
            var planted = new[]
            {
                PemBody(gcpPrivateKey), PemBody(pem), Samples.AzureClientSecret(), Samples.AwsAccessKeyId(),
                Samples.AwsSecretAccessKey(), Samples.GitLabToken(), Samples.GitLabToken("glrt-"),
            };
            using var dir = new TempDir();
            dir.Write("sa.json", gcp);
            dir.Write("sa.b64", Samples.Base64Wrapped(gcp));
            dir.Write("id_rsa", pem);
            dir.Write(".env", $"AZURE_CLIENT_SECRET={planted[2]}\nAWS_ACCESS_KEY_ID={planted[3]}\naws_secret_access_key={planted[4]}\n");
            dir.Write("ci.yml", $"variables:\n  TOKEN: {planted[5]}\n");
            var log = new List<string>();
            var scanner = new SecretScanner(log: log.Add);

            var findings = scanner.ScanFiles(FileWalker.Enumerate([dir.Path]), null, TestContext.Current.CancellationToken).ToList();
            findings.AddRange(scanner.ScanVariables(new GitLabVariableSet(VariableLevel.Group, "acme", "https://gitlab.example.com/api/v4/groups/acme/variables", "$",
            [
                new GitLabVariable("RUNNER_TOKEN", planted[6]),
                new GitLabVariable("GCP_KEY", Samples.Base64Wrapped(gcp), Masked: true),
                new GitLabVariable("GCP_KEY_FILE", gcp, GitLabVariable.FileType),
            ])));
            log.Add("a line the scanner would write");

            Assert.Equal(10, findings.Count);
            foreach (var format in Enum.GetValues<OutputFormat>())
            {
                using var output = new StringWriter();
                FindingWriter.Write(output, format, findings, ScanRegistry.Rules, new FindingWriterOptions("scan", Color: true, dir.Path));
                foreach (var secret in planted)
                {
                    AssertNoPart(output.ToString(), secret, format.ToString());
                }
            }

            foreach (var secret in planted)
            {
                AssertNoPart(string.Join('\n', log), secret, "log");
            }
        }

        private static string PemBody(string pem) =>
            string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));

        // Not even partially: no 12-character window of the secret may appear.
        private static void AssertNoPart(string output, string secret, string where)
        {
            for (var i = 0; i + 12 <= secret.Length; i++)
            {
                Assert.False(output.Contains(secret.Substring(i, 12), StringComparison.Ordinal),
                    $"{where} output contains part of a planted secret at offset {i}");
            }
        }
    }

    private sealed class SyncProgress(List<ScanProgress> reports) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => reports.Add(value);
    }
}
