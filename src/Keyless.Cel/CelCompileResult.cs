namespace Keyless.Cel;

/// <summary>The program, or the diagnostics that stopped it.</summary>
public sealed class CelCompileResult
{
    internal CelCompileResult(CelProgram? program, IReadOnlyList<CelDiagnostic> diagnostics)
    {
        Program = program;
        Diagnostics = diagnostics;
    }

    /// <summary>Null when there are errors.</summary>
    public CelProgram? Program { get; }

    public IReadOnlyList<CelDiagnostic> Diagnostics { get; }

    public bool Success => Program is not null;
}
