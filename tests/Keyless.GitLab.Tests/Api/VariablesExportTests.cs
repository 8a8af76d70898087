using Keyless.GitLab.Api;
using Keyless.Trust.Diagnostics;

namespace Keyless.GitLab.Tests.Api;

public sealed class VariablesExportTests
{
    public sealed class Parse
    {
        [Fact]
        public void Should_Read_The_Api_Array_As_Project_Variables()
        {
            var sets = VariablesExport.Parse("""[{"key":"A","value":"1","variable_type":"file","protected":true}]""", "export.json");

            var set = Assert.Single(sets);
            Assert.Equal(VariableLevel.Project, set.Level);
            Assert.Equal(new GitLabVariable("A", "1", "file", Protected: true), Assert.Single(set.Variables));
        }

        [Fact]
        public void Should_Read_An_Object_Of_Project_Group_And_Instance_Arrays()
        {
            var sets = VariablesExport.Parse("""{"group":[{"key":"G","value":null,"hidden":true}],"instance":[]}""", "export.json");

            Assert.Equal([VariableLevel.Group, VariableLevel.Instance], sets.Select(s => s.Level));
            Assert.Null(sets[0].Variables[0].Value);
            Assert.Equal("$.group", sets[0].SourcePath);
        }

        [Theory]
        [InlineData("""{"projects":[]}""", "$.projects")]
        [InlineData("""[{"key":"A","protected":"yes"}]""", "$[0].protected")]
        [InlineData("""[{"value":"x"}]""", "$[0]")]
        [InlineData("""{"project":{}}""", "$.project")]
        [InlineData("\"text\"", "$")]
        public void Should_Name_The_Json_Path_Of_A_Bad_Shape(string json, string path)
        {
            var error = Assert.Throws<InputException>(() => VariablesExport.Parse(json, "export.json"));

            Assert.Equal(("export.json", path), (error.File, error.JsonPath));
        }

        [Fact]
        public void Should_Name_The_Line_Of_Broken_Json() =>
            Assert.Equal(2, Assert.Throws<InputException>(() => VariablesExport.Parse("[\n{\"key\": }", "export.json")).Line);

        [Fact]
        public void Should_Not_Print_A_Value_Through_ToString()
        {
            var variable = Assert.Single(Assert.Single(VariablesExport.Parse("""[{"key":"DEPLOY_KEY","value":"s3cr3t-value"}]""", "export.json")).Variables);

            Assert.Contains("DEPLOY_KEY", variable.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t-value", variable.ToString(), StringComparison.Ordinal);
        }
    }
}
