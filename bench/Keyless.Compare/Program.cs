using System.Runtime.InteropServices;
using Keyless.Compare;
using Keyless.Compare.CelEval;
using Keyless.Compare.Scan;
using Keyless.Compare.Sts;

// bench/compare's harness. Usage: Keyless.Compare --repo DIR --keyless KEYLESS [--quick] [--only cel,sts,scan,audit]
// KEYLESS is the native executable `dotnet publish` makes of src/Keyless.Cli, which is what users run.
// The table goes to stdout and ends with the six summary lines; progress goes to stderr.
var quick = args.Contains("--quick");
var repo = Option("--repo") ?? Environment.CurrentDirectory;
var only = Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var work = Path.Combine(Path.GetTempPath(), "keyless-compare-" + Environment.ProcessId);
Directory.CreateDirectory(work);
var keyless = Option("--keyless") ?? throw new ArgumentException("--keyless KEYLESS (the published native executable) is required");
var options = new CompareOptions(quick, Path.GetFullPath(repo), Path.Combine(Path.GetFullPath(repo), "bench", "Keyless.Compare", "npm"), work, Path.GetFullPath(keyless));
if (Option("--sts-concurrency") is { } concurrency)
{
    options = options with { StsConcurrency = int.Parse(concurrency, System.Globalization.CultureInfo.InvariantCulture) };
}

var report = new Report();
report.Note($"{(quick ? "--quick" : "full")} run on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()}");

var sections = new (string Name, Func<CompareOptions, Report, Task> Run)[]
{
    ("cel", CelSection.RunAsync),
    ("sts", StsSection.RunAsync),
    ("scan", ScanSection.RunAsync),
    ("audit", AuditSection.RunAsync),
};
var failed = false;
try
{
    foreach (var (name, run) in sections.Where(s => only is null || only.Contains(s.Name)))
    {
        await Console.Error.WriteLineAsync($"bench/compare: {name}…");
        try
        {
            await run(options, report);
        }
        catch (InvalidOperationException e)
        {
            // A section that cannot produce an honest figure says why and leaves its summary line at NaN.
            failed = true;
            report.Note($"{name} failed: {e.Message}");
        }
    }
}
finally
{
    // --keep leaves the corpus, the decision log and the certificates for a look at what was measured.
    if (args.Contains("--keep"))
    {
        await Console.Error.WriteLineAsync("bench/compare: kept " + work);
    }
    else
    {
        Directory.Delete(work, recursive: true);
    }
}

report.Note($"load average after the run {LoadAverage()}");
Console.Out.Write(report.Render());
return failed ? 1 : 0;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
