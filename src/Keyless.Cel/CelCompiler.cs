using Keyless.Cel.Parsing;
using Keyless.Cel.Runtime;

namespace Keyless.Cel;

/// <summary>Parse, check and compile CEL once. Bad user input gives diagnostics, never an exception.</summary>
public static class CelCompiler
{
    public static CelCompileResult Compile(string source, CelCompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new CelCompileOptions();
        if (source.Length > options.MaxLength)
        {
            return Fail(source, $"expression is {source.Length} characters long; the limit is {options.MaxLength}", options.MaxLength);
        }

        var parsed = Parser.Parse(source, options.MaxDepth);
        if (parsed.Error is { } error)
        {
            return Fail(source, error.Message, error.Offset);
        }

        var ast = parsed.Expr!;
        var compiled = ProgramCompiler.Compile(ast, options.Variables);
        if (compiled.Error is { } compileError)
        {
            return Fail(source, compileError.Message, compileError.Offset);
        }

        return new CelCompileResult(new CelProgram(source, ast, compiled.Root!, compiled.Slots, compiled.Trace!), []);
    }

    private static CelCompileResult Fail(string source, string message, int offset)
    {
        offset = Math.Clamp(offset, 0, source.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new CelCompileResult(null, [new CelDiagnostic(message, line, offset - lineStart + 1, offset)]);
    }
}
