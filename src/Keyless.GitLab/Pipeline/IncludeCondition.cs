namespace Keyless.GitLab.Pipeline;

/// <summary>
/// Why an included file is part of the pipeline: the <c>include:rules</c> of every include on the way to it (nested
/// includes inside a conditional include need both), each judged as GitLab's External::Rules does (first match
/// decides, <c>when: never</c> leaves the file out). <see cref="Always"/> for the entry file and unconditional includes.
/// </summary>
public sealed record IncludeCondition(IReadOnlyList<PipelineNode> Rules)
{
    public static IncludeCondition Always { get; } = new([]);

    public bool IsAlways => Rules.Count == 0;

    public IncludeCondition And(PipelineNode? rules) => rules is null ? this : new IncludeCondition([.. Rules, rules]);
}
