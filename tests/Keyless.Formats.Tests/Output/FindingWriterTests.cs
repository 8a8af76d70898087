using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Formats.Output;
using Keyless.Trust.Findings;

namespace Keyless.Formats.Tests.Output;

public sealed class FindingWriterTests
{
    private static string Render(OutputFormat format, IReadOnlyList<Finding> findings, bool color = false,
                                 string tool = "audit")
    {
        using var output = new StringWriter();
        FindingWriter.Write(output, format, findings, SampleFindings.Rules, Options(tool, color));
        return output.ToString();
    }

    // A fixed version and clock, so the golden files do not change with the build or the day.
    private static FindingWriterOptions Options(string tool = "audit", bool color = false, string? commit = null) =>
        new(tool, color, SampleFindings.Base)
        {
            ToolVersion = "1.2.3",
            Times = new ReportTimes(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), new DateTimeOffset(2026, 1, 2, 3, 4, 6, 500, TimeSpan.Zero)),
            CommitSha = commit,
        };

    public sealed class Text
    {
        [Fact]
        public void Should_Match_The_Golden_File() =>
            GoldenFile.AssertMatches("findings.txt", Render(OutputFormat.Text, SampleFindings.All));

        [Fact]
        public void Should_Start_Each_Finding_Like_A_Compiler_Diagnostic()
        {
            var text = Render(OutputFormat.Text, SampleFindings.All);

            Assert.Contains(".gitlab-ci.yml:4: medium[id-tokens-in-default]: id_tokens under default:", text, StringComparison.Ordinal);
            Assert.Contains("infra/tf.json: critical[unpinned-project]: Any project", text, StringComparison.Ordinal);
            Assert.Contains("  fix: Move id_tokens into the job that logs in.", text, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Use_No_Escape_Codes_Unless_Colour_Is_Asked()
        {
            Assert.DoesNotContain('\u001b', Render(OutputFormat.Text, SampleFindings.All));
            Assert.Contains("\u001b[1;31mcritical[unpinned-project]:", Render(OutputFormat.Text, SampleFindings.All, color: true), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Say_So_When_There_Are_No_Findings() =>
            Assert.Equal("no findings\n", Render(OutputFormat.Text, []));
    }

    public sealed class Json
    {
        [Fact]
        public void Should_Match_The_Golden_File() =>
            GoldenFile.AssertMatches("findings.json", Render(OutputFormat.Json, SampleFindings.All));

        [Fact]
        public void Should_Use_Exactly_The_Field_Names_Of_The_Output_Contract()
        {
            var root = JsonNode.Parse(Render(OutputFormat.Json, SampleFindings.All))!.AsObject();

            Assert.Equal(1, root["version"]!.GetValue<int>());
            var first = root["findings"]!.AsArray()[0]!.AsObject();
            Assert.Equal(
                ["id", "severity", "confidence", "persona", "identity", "message", "witness", "fix", "location"],
                first.Select(p => p.Key));
            Assert.Equal(["file", "line", "path"], first["location"]!.AsObject().Select(p => p.Key));
        }

        [Fact]
        public void Should_Write_Null_For_Absent_Persona_Identity_Witness_And_Line()
        {
            var second = JsonNode.Parse(Render(OutputFormat.Json, SampleFindings.All))!["findings"]![2]!.AsObject();

            Assert.Null(second["persona"]);
            Assert.True(second.ContainsKey("persona"));
            Assert.Null(second["witness"]);
            Assert.Null(second["location"]!["line"]);
            Assert.True(second["location"]!.AsObject().ContainsKey("line"));
        }

        [Fact]
        public void Should_Keep_The_Witness_Claims_With_Their_Json_Types()
        {
            var witness = JsonNode.Parse(Render(OutputFormat.Json, SampleFindings.All))!["findings"]![0]!["witness"]!;

            Assert.Equal(JsonValueKind.Number, witness["runner_id"]!.GetValueKind());
            Assert.Equal("false", witness["ref_protected"]!.GetValue<string>());
        }

        [Fact]
        public void Should_Drop_A_Leading_Dot_Slash_From_A_Relative_Path()
        {
            var finding = SampleFindings.All[1] with { Location = new Keyless.Trust.Findings.FindingLocation("./ci/./x.yml", 1) };

            Assert.Equal("ci/./x.yml", JsonNode.Parse(Render(OutputFormat.Json, [finding]))!["findings"]![0]!["location"]!["file"]!.GetValue<string>());
        }

        [Fact]
        public void Should_Write_Paths_Relative_To_The_Base_Directory() =>
            Assert.Equal(".gitlab-ci.yml",
                JsonNode.Parse(Render(OutputFormat.Json, SampleFindings.All))!["findings"]![1]!["location"]!["file"]!.GetValue<string>());
    }

    public sealed class Sarif
    {
        [Fact]
        public void Should_Match_The_Golden_File() =>
            GoldenFile.AssertMatches("findings.sarif", Render(OutputFormat.Sarif, SampleFindings.All));

        [Fact]
        public void Should_Point_Every_Result_At_A_Rule_Of_The_Registry_With_A_Mapped_Level()
        {
            var run = JsonNode.Parse(Render(OutputFormat.Sarif, SampleFindings.All))!["runs"]![0]!;
            var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
            var results = run["results"]!.AsArray();

            Assert.Equal(SampleFindings.Rules.Select(r => r.Id), rules.Select(r => r!["id"]!.GetValue<string>()));
            foreach (var result in results)
            {
                var index = result!["ruleIndex"]!.GetValue<int>();
                Assert.Equal(result["ruleId"]!.GetValue<string>(), rules[index]!["id"]!.GetValue<string>());
            }

            Assert.Equal(["error", "warning", "error", "note"], results.Select(r => r!["level"]!.GetValue<string>()));
        }

        [Fact]
        public void Should_Give_A_Physical_Location_With_A_Line_Region_When_The_Line_Is_Known()
        {
            var results = JsonNode.Parse(Render(OutputFormat.Sarif, SampleFindings.All))!["runs"]![0]!["results"]!;
            var lint = results[1]!["locations"]![0]!["physicalLocation"]!;
            var scan = results[2]!["locations"]![0]!["physicalLocation"]!;

            Assert.Equal(".gitlab-ci.yml", lint["artifactLocation"]!["uri"]!.GetValue<string>());
            Assert.Equal(4, lint["region"]!["startLine"]!.GetValue<int>());
            Assert.Equal("https://gitlab.example.com/api/v4/projects/42/variables", scan["artifactLocation"]!["uri"]!.GetValue<string>());
            Assert.Null(scan["region"]);
        }

        [Fact]
        public void Should_Name_The_Tool_Version_And_Link_Each_Rule_To_Its_Docs_Page()
        {
            var driver = JsonNode.Parse(Render(OutputFormat.Sarif, SampleFindings.All))!["runs"]![0]!["tool"]!["driver"]!;
            var rule = driver["rules"]![0]!;

            Assert.Equal("1.2.3", driver["version"]!.GetValue<string>());
            Assert.Equal(RuleDocs.RepositoryUrl + "/-/blob/main/docs/audits/unpinned-project.md", rule["helpUri"]!.GetValue<string>());
            Assert.EndsWith("See docs/audits/unpinned-project.md.", rule["help"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("lint", "docs/lint/id-tokens-in-default.md")]
        [InlineData("scan", "docs/scan/id-tokens-in-default.md")]
        [InlineData("diff", "docs/diff/id-tokens-in-default.md")]
        public void Should_Point_Help_At_The_Docs_Folder_Of_The_Command(string tool, string page)
        {
            var rule = JsonNode.Parse(Render(OutputFormat.Sarif, [SampleFindings.All[1]], tool: tool))!["runs"]![0]!["tool"]!["driver"]!["rules"]![1]!;

            Assert.EndsWith(page, rule["helpUri"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Add_A_Rule_For_A_Finding_Id_The_Registry_Lacks()
        {
            var stray = SampleFindings.All[1] with { Id = "not-registered" };
            var run = JsonNode.Parse(Render(OutputFormat.Sarif, [stray]))!["runs"]![0]!;

            Assert.Contains(run["tool"]!["driver"]!["rules"]!.AsArray(), r => r!["id"]!.GetValue<string>() == "not-registered");
            Assert.Equal(3, run["results"]![0]!["ruleIndex"]!.GetValue<int>());
        }
    }

    public sealed class CodeQuality
    {
        [Fact]
        public void Should_Match_The_Golden_File() =>
            GoldenFile.AssertMatches("findings.codequality.json", Render(OutputFormat.CodeQuality, SampleFindings.All));

        [Fact]
        public void Should_Map_Severities_To_GitLab_Names_And_Give_Each_Issue_A_Line()
        {
            var issues = JsonNode.Parse(Render(OutputFormat.CodeQuality, SampleFindings.All))!.AsArray();

            Assert.Equal(["blocker", "major", "critical", "minor"], issues.Select(i => i!["severity"]!.GetValue<string>()));
            Assert.Equal([1, 4, 1, 1], issues.Select(i => i!["location"]!["lines"]!["begin"]!.GetValue<int>()));
            Assert.Equal("id-tokens-in-default", issues[1]!["check_name"]!.GetValue<string>());
        }

        [Fact]
        public void Should_Give_Unique_Fingerprints_That_Survive_A_Line_Move()
        {
            var before = JsonNode.Parse(Render(OutputFormat.CodeQuality, SampleFindings.All))!.AsArray();
            var moved = SampleFindings.All.Select(f => f with { Location = f.Location with { Line = (f.Location.Line ?? 0) + 10 } }).ToList();
            var after = JsonNode.Parse(Render(OutputFormat.CodeQuality, moved))!.AsArray();

            var fingerprints = before.Select(i => i!["fingerprint"]!.GetValue<string>()).ToList();
            Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
            Assert.Equal(fingerprints, after.Select(i => i!["fingerprint"]!.GetValue<string>()));
        }
    }

    public sealed class GitLabSast
    {
        [Fact]
        public void Should_Match_The_Golden_File() =>
            GoldenFile.AssertMatches("findings.gitlab-sast.json", Render(OutputFormat.GitLabSast, SampleFindings.All));

        [Fact]
        public void Should_Say_Which_Schema_And_Scan_With_Times_To_The_Second_In_UTC()
        {
            var report = JsonNode.Parse(Render(OutputFormat.GitLabSast, SampleFindings.All))!;

            Assert.Equal("15.2.1", report["version"]!.GetValue<string>());
            Assert.Equal("sast", report["scan"]!["type"]!.GetValue<string>());
            Assert.Equal("2026-01-02T03:04:05", report["scan"]!["start_time"]!.GetValue<string>());
            Assert.Equal("2026-01-02T03:04:06", report["scan"]!["end_time"]!.GetValue<string>());
            Assert.Equal("1.2.3", report["scan"]!["analyzer"]!["version"]!.GetValue<string>());
        }

        [Fact]
        public void Should_Map_Each_Finding_To_A_Vulnerability_With_The_Rule_As_Primary_Identifier()
        {
            var vulnerabilities = JsonNode.Parse(Render(OutputFormat.GitLabSast, SampleFindings.All))!["vulnerabilities"]!.AsArray();
            var first = vulnerabilities[0]!;

            Assert.Equal(["Critical", "Medium", "High", "Low"], vulnerabilities.Select(v => v!["severity"]!.GetValue<string>()));
            Assert.Equal("The trust admits tokens from any project on the issuer", first["name"]!.GetValue<string>());
            Assert.Equal("unpinned-project", first["identifiers"]![0]!["value"]!.GetValue<string>());
            Assert.Equal("Add assertion.project_id == \"123\" to the attribute condition.", first["solution"]!.GetValue<string>());
            Assert.Equal("infra/tf.json", first["location"]!["file"]!.GetValue<string>());
            Assert.Equal(4, vulnerabilities[1]!["location"]!["start_line"]!.GetValue<int>());
            Assert.Equal("anyone", first["details"]!["persona"]!["value"]!.GetValue<string>());
            Assert.Contains("\"acme-evil/x\"", first["details"]!["witness"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Give_Unique_Uuids_That_Survive_A_Line_Move()
        {
            static List<string> Ids(IReadOnlyList<Finding> findings) =>
                JsonNode.Parse(Render(OutputFormat.GitLabSast, findings))!["vulnerabilities"]!.AsArray().Select(v => v!["id"]!.GetValue<string>()).ToList();
            var moved = SampleFindings.All.Select(f => f with { Location = f.Location with { Line = (f.Location.Line ?? 0) + 10 } }).ToList();

            var ids = Ids(SampleFindings.All);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _), id));
            Assert.Equal(ids, Ids(moved));
        }

        [Fact]
        public void Should_Cut_A_Solution_Over_The_Schemas_Limit()
        {
            var longFix = SampleFindings.All[1] with { Fix = new string('x', 8000) };
            var solution = JsonNode.Parse(Render(OutputFormat.GitLabSast, [longFix]))!["vulnerabilities"]![0]!["solution"]!.GetValue<string>();

            Assert.Equal(7000, solution.Length);
            Assert.EndsWith("…", solution, StringComparison.Ordinal);
        }
    }

    public sealed class GitLabSecretDetection
    {
        private static string RenderScan(string? commit)
        {
            using var output = new StringWriter();
            FindingWriter.Write(output, OutputFormat.GitLabSecretDetection, SampleFindings.All.Skip(2).ToList(), SampleFindings.Rules, Options("scan", commit: commit));
            return output.ToString();
        }

        [Fact]
        public void Should_Match_The_Golden_File() =>
            GoldenFile.AssertMatches("findings.gitlab-secret-detection.json", RenderScan("0123456789abcdef0123456789abcdef01234567"));

        [Fact]
        public void Should_Name_The_Commit_Of_Every_Finding()
        {
            var report = JsonNode.Parse(RenderScan("0123456789abcdef0123456789abcdef01234567"))!;

            Assert.Equal("secret_detection", report["scan"]!["type"]!.GetValue<string>());
            Assert.All(report["vulnerabilities"]!.AsArray(),
                v => Assert.Equal("0123456789abcdef0123456789abcdef01234567", v!["location"]!["commit"]!["sha"]!.GetValue<string>()));
        }

        [Fact]
        public void Should_Say_No_Commit_As_GitLabs_Analyzer_Does_When_There_Is_None() =>
            Assert.Equal("0000000", JsonNode.Parse(RenderScan(null))!["vulnerabilities"]![0]!["location"]!["commit"]!["sha"]!.GetValue<string>());

        [Fact]
        public void Should_Link_The_Rule_To_The_Scan_Docs() =>
            Assert.EndsWith("/docs/scan/aws-secret-access-key.md",
                JsonNode.Parse(RenderScan(null))!["vulnerabilities"]![0]!["identifiers"]![0]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
