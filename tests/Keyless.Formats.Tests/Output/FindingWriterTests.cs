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
        FindingWriter.Write(output, format, findings, SampleFindings.Rules,
            new FindingWriterOptions(tool, color, SampleFindings.Base));
        return output.ToString();
    }

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
}
