using Keyless.Formats.Output;
using Keyless.Trust.Findings;

namespace Keyless.Formats.Tests.Output;

public sealed class FindingLinesTests
{
    private static Finding At(FindingLocation location) => SampleFindings.All[0] with { Location = location };

    [Fact]
    public void Should_Give_A_Json_Path_The_Line_It_Starts_On_In_Its_File()
    {
        var file = Path.Combine(Path.GetTempPath(), $"keyless-lines-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{\n  \"bindings\": [\n    {\"role\": \"r\"}\n  ]\n}\n");
        try
        {
            var resolved = FindingLines.Resolve([At(new FindingLocation(file, null, "$.bindings[0]"))]);

            Assert.Equal(3, resolved[0].Location.Line);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Should_Keep_A_Line_It_Has_And_Leave_Files_It_Cannot_Read()
    {
        var findings = new[]
        {
            At(new FindingLocation("/nonexistent/x.json", 7, "$.a")),
            At(new FindingLocation("/nonexistent/x.json", null, "$.a")),
            At(new FindingLocation("https://gitlab.example.com/api/v4/projects/1", null, "$")),
            At(new FindingLocation("(GitLab default)", null, null)),
        };

        Assert.Equal([7, null, null, null], FindingLines.Resolve(findings).Select(f => f.Location.Line));
    }
}
