namespace Keyless.GitLab.Lint.Gating;

/// <summary>
/// What a condition can be in a scenario: certainly true or false, true or false as the attacker chooses (a branch
/// name, a pipeline source), or unknown (a variable set outside the YAML).
/// </summary>
internal enum Truth
{
    False,
    True,
    Choosable,
    Unknown,
}

internal static class TruthLogic
{
    public static bool Possible(this Truth truth) => truth != Truth.False;

    public static Truth And(Truth a, Truth b) => (a, b) switch
    {
        (Truth.False, _) or (_, Truth.False) => Truth.False,
        (Truth.Unknown, _) or (_, Truth.Unknown) => Truth.Unknown,
        (Truth.Choosable, _) or (_, Truth.Choosable) => Truth.Choosable,
        _ => Truth.True,
    };

    public static Truth Or(Truth a, Truth b) => (a, b) switch
    {
        (Truth.True, _) or (_, Truth.True) => Truth.True,
        (Truth.Choosable, _) or (_, Truth.Choosable) => Truth.Choosable,
        (Truth.Unknown, _) or (_, Truth.Unknown) => Truth.Unknown,
        _ => Truth.False,
    };

    public static Truth Not(Truth a) => a switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => a,
    };

    public static Truth Of(bool value) => value ? Truth.True : Truth.False;
}
