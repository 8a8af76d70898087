using System.Text;
using Keyless.Formats.Output;

namespace Keyless.Formats.Tests.Output;

public sealed class JsonPathLineTests
{
    private const string Plan = """
        {
          "format_version": "1.2",
          "values": {
            "root_module": {
              "resources": [
                { "address": "a" },
                {
                  "address": "b",
                  "values": { "attribute-condition": "x", "n": [1, [2, 3]] }
                }
              ]
            }
          }
        }
        """;

    private static int? Find(string json, string path) => JsonPathLine.Find(Encoding.UTF8.GetBytes(json), path);

    [Theory]
    [InlineData("$", 1)]
    [InlineData("$.format_version", 2)]
    [InlineData("$.values.root_module.resources[0]", 6)]
    [InlineData("$.values.root_module.resources[1]", 7)]
    [InlineData("$.values.root_module.resources[1].address", 8)]
    [InlineData("$.values.root_module.resources[1].values['attribute-condition']", 9)]
    [InlineData("$.values.root_module.resources[1].values.n[1][0]", 9)]
    public void Should_Find_The_Line_A_Path_Starts_On(string path, int line) => Assert.Equal(line, Find(Plan, path));

    [Theory]
    [InlineData("$.missing")]
    [InlineData("$.values.root_module.resources[2]")]
    [InlineData("$.format_version.deeper")]
    [InlineData("$.values[0]")]
    [InlineData("values")]
    [InlineData("$.values['unclosed")]
    [InlineData("$[x]")]
    public void Should_Have_No_Line_For_A_Path_That_Is_Not_There(string path) => Assert.Null(Find(Plan, path));

    [Fact]
    public void Should_Have_No_Line_In_Text_That_Is_Not_Json() => Assert.Null(Find("{\n\"a\": [1, 2", "$.a[1].b"));

    [Fact]
    public void Should_Count_Lines_After_A_Byte_Order_Mark() => Assert.Equal(2, Find("\uFEFF{\n\"a\": 1}", "$.a"));
}
