using Keyless.Cel;
using Keyless.Trust.Claims;

namespace Keyless.Trust.Tests.Claims;

public sealed class AssertionReadsTests
{
    private static CelExpr Parse(string source) =>
        CelCompiler.Compile(source, CelCompileOptions.GcpCondition).Program?.Ast ?? throw new InvalidOperationException(source);

    [Fact]
    public void Should_List_Each_Claim_Once_In_Source_Order_In_Both_Spellings()
    {
        var ast = Parse("assertion.ref == 'main' && assertion['project_path'].startsWith('acme/') && assertion.ref_protected == 'true' && assertion.ref != ''");

        Assert.Equal(["ref", "project_path", "ref_protected"], AssertionReads.In(ast));
    }

    [Fact]
    public void Should_Not_Count_Text_That_Only_Looks_Like_A_Claim_Read()
    {
        // A text scan would list 'sub' (in the literal) and 'x' (google.x is no claim).
        var ast = Parse("assertion.project_id == 'assertion.sub' && google.subject != '' && has(assertion.environment)");

        Assert.Equal(["project_id"], AssertionReads.In(ast));
    }

    [Fact]
    public void Should_Name_Claims_That_Are_Only_Tested_For_When_Asked_To()
    {
        var ast = Parse("has(assertion.environment) && assertion.ref == 'main'");

        Assert.Equal(["ref"], AssertionReads.In(ast));
        Assert.Equal(["environment", "ref"], AssertionReads.In(ast, presence: true));
    }

    [Fact]
    public void Should_Keep_To_A_Clause_Span()
    {
        const string Source = "assertion.project_id == '42' && assertion.ref == 'main'";
        var ast = Parse(Source);
        var second = Source.IndexOf("assertion.ref", StringComparison.Ordinal);

        Assert.Equal(["ref"], AssertionReads.Within(ast, second, Source.Length - second));
        Assert.Equal(["project_id"], AssertionReads.Within(ast, 0, second));
    }
}
