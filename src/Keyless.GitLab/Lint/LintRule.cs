using Keyless.Formats.Output;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint;

/// <summary>
/// One lint rule: a kebab-case id (also its docs page <c>docs/lint/&lt;id&gt;.md</c>, SARIF rule id and fixture folder),
/// a one-line summary and a default severity, and a check over the pipeline that reports with file and line.
/// </summary>
public abstract class LintRule
{
    public abstract RuleDescriptor Descriptor { get; }

    public string Id => Descriptor.Id;

    /// <summary>True for rules that judge the pipeline against trust inputs (<c>--trust</c>); they stay silent without.</summary>
    public virtual bool NeedsTrust => false;

    internal abstract IEnumerable<Finding> Check(LintContext context);

    /// <summary>A finding of this rule at <paramref name="at"/>, with the rule's default severity unless told otherwise.</summary>
    protected Finding Report(
        SourceLocation at,
        string message,
        string fix,
        Severity? severity = null,
        Confidence confidence = Confidence.Proven,
        Persona? persona = null,
        string? path = null,
        string? identity = null) => new()
        {
            Id = Id,
            Severity = severity ?? Descriptor.DefaultSeverity,
            Confidence = confidence,
            Persona = persona,
            Identity = identity,
            Message = message,
            Fix = fix,
            Location = new FindingLocation(at.File, at.Line, path),
        };
}
