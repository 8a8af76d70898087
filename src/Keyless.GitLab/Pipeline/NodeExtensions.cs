namespace Keyless.GitLab.Pipeline;

/// <summary>Small readers shared by the pipeline model and the lint rules.</summary>
public static class NodeExtensions
{
    /// <summary>GitLab flattens nested arrays in <c>script</c> and <c>rules</c> (they come from <c>!reference</c>) up to ten levels.</summary>
    private const int MaxFlattenDepth = 10;

    /// <summary>The items of a list with nested lists flattened; a single value reads as a list of one; null as none.</summary>
    public static IEnumerable<PipelineNode> Flatten(this PipelineNode? node) => Flatten(node, 0);

    /// <summary>Every scalar anywhere under <paramref name="node"/>, keys included, in document order.</summary>
    public static IEnumerable<PipelineScalar> Scalars(this PipelineNode? node)
    {
        // Iterative walk: the tree is bounded by the loader, but a stack keeps it cheap and safe.
        var stack = new Stack<PipelineNode>();
        if (node is not null)
        {
            stack.Push(node);
        }

        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case PipelineScalar scalar:
                    yield return scalar;
                    break;
                case PipelineSequence sequence:
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push(sequence.Items[i]);
                    }

                    break;
                case PipelineMapping mapping:
                    for (var i = mapping.Entries.Count - 1; i >= 0; i--)
                    {
                        stack.Push(mapping.Entries[i].Value);
                        stack.Push(mapping.Entries[i].Key);
                    }

                    break;
            }
        }
    }

    /// <summary>The text of a scalar value, or null when absent, null or not a scalar.</summary>
    public static string? Text(this PipelineNode? node) => node is PipelineScalar { IsNull: false } scalar ? scalar.Value : null;

    private static IEnumerable<PipelineNode> Flatten(PipelineNode? node, int depth)
    {
        switch (node)
        {
            case null:
            case PipelineScalar { IsNull: true }:
                yield break;
            case PipelineSequence sequence when depth <= MaxFlattenDepth:
                foreach (var item in sequence.Items)
                {
                    foreach (var inner in Flatten(item, depth + 1))
                    {
                        yield return inner;
                    }
                }

                break;
            default:
                yield return node;
                break;
        }
    }
}
