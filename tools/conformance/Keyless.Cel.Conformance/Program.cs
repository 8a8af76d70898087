using System.Text.Json;
using Keyless.Cel;
using Keyless.Cel.Conformance;

// Runs the cel-spec simple tests (JSON dump from @bufbuild/cel-spec) against Keyless.Cel.
// Usage: Keyless.Cel.Conformance <conformance.json> [--verbose] [--file NAME]
// Prints per-file counts, the skipped tests with their reason, and ends with
// "conformance: N passed, N failed, N skipped" over the core files; exits 0 when at least the floor passed.
const int Floor = 1194;
string[] core =
[
    "basic", "comparisons", "conversions", "dynamic", "fields", "fp_math", "integer_math", "lists", "logic",
    "macros", "parse", "plumbing", "string", "string_ext", "timestamps",
];

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Keyless.Cel.Conformance <conformance.json> [--verbose] [--file NAME]");
    return 2;
}

var verbose = args.Contains("--verbose");
var only = args.SkipWhile(a => a != "--file").Skip(1).FirstOrDefault();
using var document = JsonDocument.Parse(File.ReadAllBytes(args[0]));
var options = new CelCompileOptions { MaxLength = 1 << 20, MaxDepth = 250 };
int passed = 0, failed = 0, skipped = 0;
var skips = new List<string>();
var failures = new List<string>();

Console.WriteLine("core files (the floor applies to these):");
foreach (var section in new[] { true, false })
{
    if (!section)
    {
        Console.WriteLine("outside the core (extensions Keyless does not claim; informational, not in the total):");
    }

    foreach (var file in document.RootElement.GetProperty("suites").EnumerateArray())
    {
        var name = file.GetProperty("name").GetString()!;
        if (core.Contains(name) != section || (only is not null && only != name))
        {
            continue;
        }

        int p = 0, f = 0, s = 0;
        foreach (var test in SuiteWalker.Tests(file))
        {
            var original = test.GetProperty("original");
            var id = $"{name}/{original.GetProperty("name").GetString()}";
            var expr = original.GetProperty("expr").GetString()!;
            if (SkipRules.ProtobufReason(original) is { } reason)
            {
                s++;
                if (section)
                {
                    skips.Add($"  skip {id}: {reason}");
                }

                continue;
            }

            var outcome = TestRunner.Run(original, expr, options);
            if (outcome is null)
            {
                p++;
            }
            else
            {
                f++;
                if (section || verbose)
                {
                    failures.Add($"  FAIL {id}: {expr.ReplaceLineEndings(" ")} -- {outcome}");
                }
            }
        }

        Console.WriteLine($"  {name}: {p} passed, {f} failed, {s} skipped");
        if (section)
        {
            passed += p;
            failed += f;
            skipped += s;
        }
    }
}

Console.WriteLine("skipped (protobuf messages: Keyless evaluates JSON claims, it has no protobuf types):");
skips.ForEach(Console.WriteLine);
if (failures.Count > 0)
{
    Console.WriteLine("failed:");
    failures.ForEach(Console.WriteLine);
}

Console.WriteLine($"(tests expecting an error that Keyless reports at compile time, counted as passed: {TestRunner.ErrorsAtCompileTime}, all files)");
Console.WriteLine($"conformance: {passed} passed, {failed} failed, {skipped} skipped");
if (only is null && passed < Floor)
{
    Console.WriteLine($"below the floor of {Floor} passed core tests");
    return 1;
}

return 0;
