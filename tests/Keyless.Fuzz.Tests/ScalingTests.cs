using System.Text;
using System.Text.Json.Nodes;
using Keyless.Cel;
using Keyless.Emulator.Logging;
using Keyless.Emulator.Verification;
using Keyless.Formats.Inputs;
using Keyless.Formats.Inputs.Tokens;
using Keyless.GitLab.Pipeline;
using Keyless.Scan;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Evaluation.Azure;

namespace Keyless.Fuzz.Tests;

/// <summary>
/// No super-linear input: for the worst shapes (deep nesting, long strings, long chains, long regex subjects) the cost
/// of a 10× larger input is compared with the cost of the original, each the fastest of several runs in the thread's own CPU time. Linear work
/// gives about 10×, quadratic about 100×; the bound (50×) sits between, and a ratio above it is measured once more with
/// more runs before it fails, so a garbage collection or a busy neighbour on a shared machine does not fail the test
/// while a quadratic path cannot pass it. No wall-clock threshold.
/// </summary>
public sealed class ScalingTests
{
    private const double Bound = 50;

    public static TheoryData<string> Shapes => [.. Cases.Keys];

    private static readonly CelCompileOptions Roomy = new() { MaxLength = 10_000_000 };

    private static readonly Dictionary<string, (int N, Action<int> Run)> Cases = new(StringComparer.Ordinal)
    {
        ["cel: deep parentheses"] = (2_000, n => Compile(new string('(', n) + "1" + new string(')', n))),
        ["cel: deep unary"] = (2_000, n => Compile(new string('!', n) + "true")),
        ["cel: deep lists"] = (2_000, n => Compile(new string('[', n) + new string(']', n))),
        ["cel: long || chain"] = (2_000, n => Evaluate(string.Join(" || ", Enumerable.Repeat("assertion.ref == 'x'", n)), "main")),
        ["cel: long string literal"] = (200_000, n => Compile("'" + new string('a', n) + "' == 'b'")),
        ["cel: long identifier"] = (200_000, n => Compile(new string('a', n) + " == 1")),
        ["cel: unterminated string"] = (20_000, n => Compile("'" + new string('a', n))),
        ["cel: regex (a+)+b on a long subject"] = (20_000, n => Evaluate("assertion.ref.matches('(a+)+b')", new string('a', n))),
        ["cel: regex (a|aa)*c on a long subject"] = (20_000, n => Evaluate("assertion.ref.matches('^(a|aa)*c$')", new string('a', n))),
        ["cel: startsWith on a long subject"] = (50_000, n => Evaluate("assertion.ref.startsWith(assertion.ref + 'x')", new string('a', n))),
        ["cel: regex \\b(a+)+\\b$ on a long subject"] = (20_000, n => Evaluate("assertion.ref.matches('\\\\b(a+)+\\\\b$')", "é" + new string('a', n) + "!")),
        ["cel: map and filter a long list"] = (5_000, n => EvaluateList("assertion.ids.map(x, x + 1).filter(x, x % 2 == 0).size() > 0", n)),
        ["wildcard: *a repeated, no match"] = (2_000, n => _ = new WildcardPattern(string.Concat(Enumerable.Repeat("*a", 30)) + "b").IsMatch(new string('a', n))),
        ["redaction: many token prefixes"] = (20_000, n => _ = Redaction.Scrub(string.Concat(Enumerable.Repeat("eyJ.", n)))),
        ["redaction: many glued token prefixes"] = (20_000, n => _ = Redaction.Scrub(string.Concat(Enumerable.Repeat("xeyJ-ya29", n)) + ".a")),
        ["scan: every detector's keyword, never completed"] = (2_000, n => _ = new SecretScanner().ScanText(string.Concat(Enumerable.Repeat(
            "-----BEGIN PRIVATE KEY----- \"private_key\" service_account 1Q~ aws_secret= AKIA glpat- GR1348941 ", n)), "big.txt")),
        ["jwt: long claim"] = (20_000, n => DecodeJwt("{\"sub\":\"" + new string('a', n) + "\"}")),
        ["jwt: deep claims"] = (2_000, n => DecodeJwt(new string('[', n) + new string(']', n))),
        ["jwt: many dots"] = (20_000, n => DecodeJwt(".", new string('.', n))),
        ["claims: deep YAML"] = (2_000, n => Claims(new string('[', n) + new string(']', n))),
        ["claims: deep JSON"] = (2_000, n => Claims("{" + string.Concat(Enumerable.Repeat("\"a\":{", n)) + new string('}', n + 1))),
        ["pipeline: deep flow"] = (2_000, n => Pipeline("a: " + new string('[', n) + new string(']', n))),
        ["pipeline: deep block sequences"] = (2_000, n => Pipeline("a:\n" + string.Concat(Enumerable.Repeat("- ", n)) + "x\n")),
        ["pipeline: many jobs"] = (300, n => Pipeline(string.Concat(Enumerable.Range(0, n).Select(i => $"job{i}:\n  script: [echo {i}]\n  id_tokens: {{T: {{aud: x}}}}\n")))),
        ["pipeline: long scalar"] = (50_000, n => Pipeline("job:\n  script: [\"" + new string('a', n) + "\"]\n")),
        ["pipeline: alias fan-out"] = (200, n => Pipeline("a: &a [x]\n" + string.Concat(Enumerable.Range(0, n).Select(i => $"j{i}: {{s: *a, t: *a}}\n")))),
        ["hcl: deep brackets"] = (2_000, n => Terraform("a = " + new string('[', n) + new string(']', n) + "\n")),
        ["hcl: long + chain"] = (2_000, n => Terraform("locals {\n  a = " + string.Join(" + ", Enumerable.Repeat("1", n)) + "\n}\n")),
        ["hcl: long string"] = (200_000, n => Terraform("a = \"" + new string('a', n) + "\"\n")),
        ["hcl: long heredoc"] = (20_000, n => Terraform("a = <<-EOT\n" + string.Concat(Enumerable.Repeat("    line\n", n)) + "EOT\n")),
        ["hcl: many references to one local"] = (2_000, n => Terraform(
            "locals {\n  base = \"user:x@y.z\"\n" + string.Concat(Enumerable.Range(0, n).Select(i => $"  l{i} = \"${{local.base}}{i}\"\n")) + "}\n"
            + "resource \"google_project_iam_binding\" \"b\" {\n  project = \"p\"\n  role = \"roles/viewer\"\n  members = ["
            + string.Join(", ", Enumerable.Range(0, n).Select(i => $"local.l{i}")) + "]\n}\n")),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Ten_times_the_input_costs_about_ten_times_as_much(string shape)
    {
        var (n, run) = Cases[shape];
        run(n); // JIT and caches
        run(n * 10);
        var (small, large, ratio) = Measure(run, n, 7);
        if (ratio >= Bound)
        {
            (small, large, ratio) = Measure(run, n, 15);
        }

        Assert.True(ratio < Bound, $"{shape}: n={n} took {small} ns of CPU, 10n took {large} ns ({ratio:0.0}×; linear is ~10×)");
    }

    /// <summary>
    /// The fastest of several runs of each size, the sizes taken in turn so both see the same neighbours: a busy
    /// neighbour, a collection or a preemption only ever adds time, so the minimum is the closest reading of the work
    /// itself (the median moved 10× on a 2-core machine under load). The heap is collected before each run, so one
    /// run's garbage is not charged to the next.
    /// </summary>
    private static (double Small, double Large, double Ratio) Measure(Action<int> run, int n, int runs)
    {
        var small = long.MaxValue;
        var large = long.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            small = Math.Min(small, Timed(() => run(n)));
            large = Math.Min(large, Timed(() => run(n * 10)));
        }

        return (small, large, large / (double)Math.Max(small, 1));
    }

    private static long Timed(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var start = ThreadCpuClock.Now();
        action();
        return ThreadCpuClock.Now() - start;
    }

    private static void Compile(string source) => _ = CelCompiler.Compile(source, Roomy);

    private static void Evaluate(string source, string reference)
    {
        var program = CelCompiler.Compile(source, Roomy).Program ?? throw new InvalidOperationException("did not compile: " + source[..Math.Min(80, source.Length)]);
        var claims = new JsonObject { ["ref"] = reference };
        _ = program.Evaluate(CelActivation.Empty.With("assertion", CelValue.FromJson(claims)));
    }

    private static void EvaluateList(string source, int n)
    {
        var program = CelCompiler.Compile(source, Roomy).Program ?? throw new InvalidOperationException("did not compile: " + source);
        var claims = new JsonObject { ["ids"] = new JsonArray([.. Enumerable.Range(0, n).Select(i => (JsonNode)i)]) };
        _ = program.Evaluate(CelActivation.Empty.With("assertion", CelValue.FromJson(claims)));
    }

    private static void DecodeJwt(string payload) => DecodeJwt(payload, ".");

    private static void DecodeJwt(string payload, string separator)
    {
        var token = B64("{\"alg\":\"RS256\",\"kid\":\"k\"}") + separator + B64(payload) + ".c2ln";
        _ = JwtVerifier.Read(token);
        Refused(() => JwtParts.Decode(token, "token"));
    }

    private static void Claims(string text) => Refused(() => ClaimsReader.Read("claims", text));

    private static void Pipeline(string yaml) => Refused(() => PipelineReader.Parse(yaml, ".gitlab-ci.yml"));

    private static void Terraform(string hcl) => Refused(() => TrustLoader.LoadText("main.tf", hcl));

    private static void Refused(Action action)
    {
        try
        {
            action();
        }
        catch (InputException)
        {
            // The cost of saying no counts as much as the cost of saying yes.
        }
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
