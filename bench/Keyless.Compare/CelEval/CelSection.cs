using System.Globalization;
using System.Text.Json.Nodes;
using Keyless.Cel;

namespace Keyless.Compare.CelEval;

/// <summary>
/// cel-eval: every engine compiles each workload expression once, then evaluates it over the same claims; the
/// figure is the sum over expressions of the median ns per evaluation. Every engine must give the expected value
/// for every expression, or the section fails: a fast wrong answer is not a result.
/// </summary>
public static class CelSection
{
    public static async Task RunAsync(CompareOptions options, Report report)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        var workload = CelWorkload.Load(options.Workload("cel.json"));

        var keyless = Measure(workload, c =>
        {
            var compiled = CelCompiler.Compile(c.Expression, CelCompileOptions.GcpCondition);
            var program = compiled.Program ?? throw new InvalidOperationException($"{c.Name}: {string.Join("; ", compiled.Diagnostics.Select(d => d.Message))}");
            var activation = CelActivation.Empty.With("assertion", CelValue.FromJson(workload.Claims));
            return () => program.Evaluate(activation).TryGetBool(out var b) && b;
        }, options.CelBudget);

        var handClaims = HandWritten.Claims(workload.Claims);
        var hand = Measure(workload, c =>
        {
            var predicate = HandWritten.For(c.Name);
            return () => predicate(handClaims);
        }, options.CelBudget);

        var celNet = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in workload.Cases)
        {
            var (run, problem) = CelNet.Compile(c.Expression, workload.Claims);
            if (run is null || run() != c.Expected)
            {
                report.Note($"NuGet Cel 0.3.3 cannot run '{c.Name}' ({problem ?? "wrong value"}); left out of its total");
                continue;
            }

            celNet[c.Name] = Timing.NanosecondsPerCall(run, options.CelBudget);
        }

        var peers = await NodePeersAsync(options).ConfigureAwait(false);

        var keylessTotal = keyless.Values.Sum();
        Rows(report, "Keyless (compiled program)", keyless, keylessTotal);
        Rows(report, "hand-written C#", hand, keylessTotal);
        foreach (var (engine, results) in peers)
        {
            Rows(report, engine, results, keylessTotal);
        }

        Rows(report, "NuGet Cel 0.3.3 (context)", celNet, celNet.Count == workload.Cases.Count ? keylessTotal : double.NaN);

        report.Summary("speedup cel-eval vs @marcbachmann/cel-js", peers["@marcbachmann/cel-js"].Values.Sum() / keylessTotal);
        report.Summary("speedup cel-eval vs @bufbuild/cel", peers["@bufbuild/cel"].Values.Sum() / keylessTotal);
        report.Summary("overhead cel-eval vs hand-written C#", keylessTotal / hand.Values.Sum());
    }

    private static Dictionary<string, double> Measure(CelWorkload workload, Func<CelCase, Func<bool>> compile, TimeSpan budget)
    {
        var results = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in workload.Cases)
        {
            var run = compile(c);
            if (run() != c.Expected)
            {
                throw new InvalidOperationException($"{c.Name}: expected {c.Expected}");
            }

            results[c.Name] = Timing.NanosecondsPerCall(run, budget);
        }

        return results;
    }

    private static void Rows(Report report, string engine, Dictionary<string, double> results, double keylessTotal)
    {
        foreach (var (name, ns) in results)
        {
            report.Add(new Row("cel-eval " + name, engine, ns, "ns/eval"));
        }

        var total = results.Values.Sum();
        var relative = double.IsNaN(keylessTotal) ? "" : $"{Report.Format(total / keylessTotal)}x Keyless";
        report.Add(new Row("cel-eval (sum)", engine, total, "ns", relative));
    }

    private static async Task<Dictionary<string, Dictionary<string, double>>> NodePeersAsync(CompareOptions options)
    {
        var run = await Processes.RunAsync("node",
            ["cel-peers.mjs", options.Workload("cel.json"), ((int)options.CelBudget.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)],
            options.NpmDirectory).ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("npm/cel-peers.mjs failed: " + run.StdErr);
        }

        var peers = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var engine in JsonNode.Parse(run.StdOut)!["engines"]!.AsArray())
        {
            peers[engine!["engine"]!.GetValue<string>()] = engine["results"]!.AsArray()
                .ToDictionary(r => r!["name"]!.GetValue<string>(), r => r!["nsPerEval"]!.GetValue<double>(), StringComparer.Ordinal);
        }

        return peers;
    }
}
