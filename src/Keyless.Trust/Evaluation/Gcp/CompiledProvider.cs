using Keyless.Cel;
using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation.Gcp;

/// <summary>
/// A provider with its attribute mapping and condition compiled once, so evaluating many tokens costs only
/// evaluation (the red-team runs thousands).
/// </summary>
internal sealed class CompiledProvider
{
    public CompiledProvider(GcpProvider provider)
    {
        Provider = provider;
        Mapping = provider.AttributeMapping
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => Compile(m.Key, m.Value, CelCompileOptions.GcpMapping))
            .ToArray();
        if (provider.AttributeCondition is { Length: > 0 } condition)
        {
            var compiled = Compile("attributeCondition", condition, CelCompileOptions.GcpCondition);
            Condition = compiled.Program;
            ConditionError = compiled.CompileError;
        }
    }

    public GcpProvider Provider { get; }

    public IReadOnlyList<CompiledMapping> Mapping { get; }

    public CelProgram? Condition { get; }

    public string? ConditionError { get; }

    private static CompiledMapping Compile(string target, string source, CelCompileOptions options)
    {
        var result = CelCompiler.Compile(source, options);
        if (result.Program is { } program)
        {
            return new(target, source, program, null);
        }

        var first = result.Diagnostics.Count > 0 ? result.Diagnostics[0] : null;
        var error = first is null ? "does not compile" : $"{first.Message} (line {first.Line}, column {first.Column})";
        return new(target, source, null, error);
    }
}
