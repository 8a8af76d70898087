using System.Text.Json;

namespace Keyless.Cel.Conformance;

internal static class SuiteWalker
{
    /// <summary>Every test of a file, depth first, in the suite's order.</summary>
    public static IEnumerable<JsonElement> Tests(JsonElement suite)
    {
        if (suite.TryGetProperty("tests", out var tests))
        {
            foreach (var test in tests.EnumerateArray())
            {
                yield return test;
            }
        }

        if (suite.TryGetProperty("suites", out var suites))
        {
            foreach (var child in suites.EnumerateArray())
            {
                foreach (var test in Tests(child))
                {
                    yield return test;
                }
            }
        }
    }
}
