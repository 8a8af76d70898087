using System.Text.Json;

namespace Keyless.Cel.Conformance;

internal static class TestRunner
{
    /// <summary>Passed tests that expected an error and got a compile diagnostic rather than an evaluation error.</summary>
    public static int ErrorsAtCompileTime { get; private set; }

    /// <summary>Null when the test passes, else what went wrong.</summary>
    public static string? Run(JsonElement test, string expr, CelCompileOptions options)
    {
        var compiled = CelCompiler.Compile(expr, options);
        var expectsError = test.TryGetProperty("evalError", out _);
        if (!compiled.Success)
        {
            if (expectsError)
            {
                ErrorsAtCompileTime++;
                return null;
            }

            return "compile error: " + compiled.Diagnostics[0];
        }

        var activation = CelActivation.Empty;
        if (test.TryGetProperty("bindings", out var bindings))
        {
            foreach (var binding in bindings.EnumerateObject())
            {
                activation = activation.With(binding.Name, ExpectedValues.Read(binding.Value.GetProperty("value")));
            }
        }

        var actual = compiled.Program!.Evaluate(activation);
        if (expectsError)
        {
            return actual.IsError ? null : "expected an error, got " + actual;
        }

        var expected = test.TryGetProperty("value", out var value) ? ExpectedValues.Read(value) : CelValue.True;
        return ExpectedValues.Same(expected, actual) ? null : $"expected {expected}, got {actual}";
    }
}
