namespace Keyless.Cel.Runtime;

/// <summary>A compiled node: evaluates against one frame.</summary>
internal delegate CelValue Evaluator(Frame frame);

/// <summary>The state of one evaluation: the activation and the slots of comprehension variables.</summary>
internal sealed class Frame(CelActivation activation, int slots)
{
    public CelActivation Activation { get; } = activation;

    public CelValue[] Slots { get; } = slots == 0 ? [] : new CelValue[slots];
}
