using Keyless.Cel.Runtime;

namespace Keyless.Cel;

/// <summary>The variables of one evaluation. Immutable: <see cref="With"/> returns a new activation.</summary>
public sealed class CelActivation
{
    // Activations hold a handful of variables (GCP binds at most assertion, google and attribute), and a scan of
    // a few names is cheaper than hashing the name on every read; past ScanLimit a dictionary takes over.
    private const int ScanLimit = 8;

    private readonly string[] _names;
    private readonly CelValue[] _values;
    private readonly Dictionary<string, CelValue>? _index;

    /// <summary>The frame of programs without comprehension variables, which is then immutable and shared.</summary>
    private Frame? _sharedFrame;

    private CelActivation(string[] names, CelValue[] values, bool hasDottedNames)
    {
        _names = names;
        _values = values;
        HasDottedNames = hasDottedNames;
        if (names.Length > ScanLimit)
        {
            _index = new Dictionary<string, CelValue>(names.Length, StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                _index[names[i]] = values[i];
            }
        }
    }

    public static CelActivation Empty { get; } = new([], [], false);

    /// <summary>Whether some variable has a qualified name such as <c>a.b</c>, which changes how <c>a.b</c> resolves.</summary>
    internal bool HasDottedNames { get; }

    public CelActivation With(string name, CelValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var at = Array.IndexOf(_names, name);
        var names = _names;
        var values = (CelValue[])_values.Clone();
        if (at >= 0)
        {
            values[at] = value;
        }
        else
        {
            names = [.. _names, name];
            values = [.. values, value];
        }

        return new CelActivation(names, values, HasDottedNames || name.Contains('.', StringComparison.Ordinal));
    }

    public bool TryGet(string name, out CelValue value)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(name, out value!);
        }

        var names = _names;
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                value = _values[i];
                return true;
            }
        }

        value = null!;
        return false;
    }

    /// <summary>
    /// A frame with no slots holds nothing but this activation, so one per activation serves every such
    /// evaluation; two threads racing to create it each get a correct frame.
    /// </summary>
    internal Frame SharedFrame() => _sharedFrame ??= new Frame(this, 0);
}
