using Keyless.Cel;
using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation.Gcp;

/// <summary>
/// A provider with its attribute mapping and condition compiled once, so evaluating many tokens costs only
/// evaluation (the red-team runs thousands).
/// </summary>
internal sealed class CompiledProvider
{
    public CompiledProvider(GcpProvider provider, TrustSet trust, GcpPool? pool)
    {
        Provider = provider;
        Pool = pool;
        Name = provider.Name;
        PrincipalPoolName = pool?.Name ?? provider.PoolName;
        ProjectNumberUnknown = provider.Project.Id is not null && trust.ProjectNumberOf(provider.Project) is null;
        ExpectedAudiences = provider.AllowedAudiences.Count > 0
            ? [.. provider.AllowedAudiences]
            : ["//iam.googleapis.com/" + trust.StsProviderName(provider), "https://iam.googleapis.com/" + trust.StsProviderName(provider)];
        Mapping = provider.AttributeMapping
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => Compile(m.Key, m.Value, CelCompileOptions.GcpMapping))
            .ToArray();
        if (provider.AttributeCondition is { Length: > 0 } condition)
        {
            var compiled = Compile("attributeCondition", condition, CelCompileOptions.GcpCondition);
            Condition = compiled.Program;
            ConditionError = compiled.CompileError;
            if (Condition is not null)
            {
                ConditionReadsGoogle = Reads(Condition.Ast, "google");
                ConditionReadsAttribute = Reads(Condition.Ast, "attribute");
            }
        }
    }

    public GcpProvider Provider { get; }

    /// <summary>The pool the provider belongs to, if loaded.</summary>
    public GcpPool? Pool { get; }

    /// <summary><see cref="GcpProvider.Name"/>, formatted once.</summary>
    public string Name { get; }

    /// <summary>The pool name a federated principal from this provider carries: the loaded pool's, else the provider's.</summary>
    public string PrincipalPoolName { get; }

    /// <summary>The <c>aud</c> values STS accepts: the allowed audiences, or else the provider's own resource name.</summary>
    public string[] ExpectedAudiences { get; }

    /// <summary>The provider's project is named by id and no input gives its number.</summary>
    public bool ProjectNumberUnknown { get; }

    public IReadOnlyList<CompiledMapping> Mapping { get; }

    public CelProgram? Condition { get; }

    public string? ConditionError { get; }

    /// <summary>The condition names <c>google</c> (else STS's mapped google.* need not be bound for it).</summary>
    public bool ConditionReadsGoogle { get; }

    /// <summary>The condition names <c>attribute</c>.</summary>
    public bool ConditionReadsAttribute { get; }

    /// <summary>Whether any identifier in the tree is <paramref name="variable"/> (or a dotted name under it).</summary>
    private static bool Reads(CelExpr root, string variable) =>
        CelTree.Descendants(root).Any(node => node is CelIdent ident
            && ident.Name.TrimStart('.') is var name
            && (name == variable || name.StartsWith(variable + ".", StringComparison.Ordinal)));

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
