namespace Keyless.Cel;

/// <summary>The variables of one evaluation. Immutable: <see cref="With"/> returns a new activation.</summary>
public sealed class CelActivation
{
    private readonly Dictionary<string, CelValue> _variables;

    private CelActivation(Dictionary<string, CelValue> variables, bool hasDottedNames)
    {
        _variables = variables;
        HasDottedNames = hasDottedNames;
    }

    public static CelActivation Empty { get; } = new(new Dictionary<string, CelValue>(StringComparer.Ordinal), false);

    /// <summary>Whether some variable has a qualified name such as <c>a.b</c>, which changes how <c>a.b</c> resolves.</summary>
    internal bool HasDottedNames { get; }

    public CelActivation With(string name, CelValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var copy = new Dictionary<string, CelValue>(_variables, StringComparer.Ordinal) { [name] = value };
        return new CelActivation(copy, HasDottedNames || name.Contains('.', StringComparison.Ordinal));
    }

    public bool TryGet(string name, out CelValue value) => _variables.TryGetValue(name, out value!);
}
