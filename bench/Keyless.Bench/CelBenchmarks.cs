using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Keyless.Cel;

namespace Keyless.Bench;

/// <summary>
/// Compile and evaluate a GCP-style attribute condition over GitLab claims: the work STS does per token
/// exchange, and what `keyless audit` does many thousands of times per search.
/// </summary>
[MemoryDiagnoser]
public class CelBenchmarks
{
    /// <summary>The condition shape GitLab's own guidance recommends: immutable ids, a protected ref, a ref pattern.</summary>
    public const string Condition =
        "assertion.namespace_id == '1001' && assertion.project_id == '42' && assertion.ref_protected == 'true' "
        + "&& (assertion.ref == 'main' || assertion.ref.matches('^release/[0-9]+\\\\.[0-9]+$')) "
        + "&& assertion.sub.startsWith('project_path:acme/app:')";

    /// <summary>A tag pattern with a group: not flat, so it runs on the linear regex rather than the possessive fast path.</summary>
    public const string GroupedPatternCondition =
        "assertion.namespace_id == '1001' && assertion.ref.matches('^release/[0-9]+(\\\\.[0-9]+)*$')";

    /// <summary>An allow-list literal (built once at compile time) and a size bound.</summary>
    public const string AllowListCondition =
        "assertion.project_path in ['acme/web', 'acme/api', 'acme/app'] && 'ops' in assertion.groups_direct && size(assertion.sub) < 128";

    private CelProgram _program = null!;
    private CelProgram _grouped = null!;
    private CelProgram _allowList = null!;
    private CelActivation _activation = null!;
    private CelActivation _mainActivation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _program = CelCompiler.Compile(Condition, CelCompileOptions.GcpCondition).Program
            ?? throw new InvalidOperationException("the benchmark condition does not compile");
        _grouped = CelCompiler.Compile(GroupedPatternCondition, CelCompileOptions.GcpCondition).Program
            ?? throw new InvalidOperationException("the grouped-pattern condition does not compile");
        _allowList = CelCompiler.Compile(AllowListCondition, CelCompileOptions.GcpCondition).Program
            ?? throw new InvalidOperationException("the allow-list condition does not compile");
        var claims = JsonNode.Parse("""
            {"namespace_id":"1001","namespace_path":"acme","project_id":"42","project_path":"acme/app",
             "ref":"release/1.2","ref_type":"branch","ref_protected":"true","pipeline_source":"push",
             "sub":"project_path:acme/app:ref_type:branch:ref:release/1.2","aud":"https://iam.googleapis.com/x",
             "runner_id":17,"groups_direct":["acme","ops"]}
            """);
        _activation = CelActivation.Empty.With("assertion", CelValue.FromJson(claims));
        claims!["ref"] = "main";
        _mainActivation = CelActivation.Empty.With("assertion", CelValue.FromJson(claims));
    }

    /// <summary>Parse, check and compile to closures; the regex comes from the process-wide pattern cache.</summary>
    [Benchmark]
    public CelCompileResult Compile() => CelCompiler.Compile(Condition, CelCompileOptions.GcpCondition);

    [Benchmark]
    public CelValue Evaluate() => _program.Evaluate(_activation);

    /// <summary>The same condition for ref 'main', where the regex clause is short-circuited.</summary>
    [Benchmark]
    public CelValue EvaluateWithoutRegex() => _program.Evaluate(_mainActivation);

    [Benchmark]
    public CelValue EvaluateGroupedPattern() => _grouped.Evaluate(_activation);

    [Benchmark]
    public CelValue EvaluateAllowList() => _allowList.Evaluate(_activation);

    [Benchmark]
    public CelTrace EvaluateTraced() => _program.EvaluateTraced(_activation);
}
