using System.Text.Json.Nodes;

namespace Keyless.Cel.Tests;

/// <summary>Small helpers: compile-or-fail and evaluate against JSON claims bound as <c>assertion</c>.</summary>
internal static class Cel
{
    public static CelProgram Compile(string source, CelCompileOptions? options = null)
    {
        var result = CelCompiler.Compile(source, options);
        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        return result.Program!;
    }

    public static CelValue Eval(string source, string? claimsJson = null)
    {
        var activation = claimsJson is null
            ? CelActivation.Empty
            : CelActivation.Empty.With("assertion", CelValue.FromJson(JsonNode.Parse(claimsJson)));
        return Compile(source).Evaluate(activation);
    }

    public static bool Bool(string source, string? claimsJson = null)
    {
        var value = Eval(source, claimsJson);
        Assert.True(value.TryGetBool(out var b), $"{source} gave {value}");
        return b;
    }

    public static CelDiagnostic Diagnostic(string source, CelCompileOptions? options = null)
    {
        var result = CelCompiler.Compile(source, options);
        Assert.False(result.Success, source + " compiled");
        return Assert.Single(result.Diagnostics);
    }
}
