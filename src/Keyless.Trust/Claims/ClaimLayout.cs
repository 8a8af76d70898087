using Keyless.Cel;

namespace Keyless.Trust.Claims;

/// <summary>
/// The claims a <see cref="ClaimTable"/> holds, in order: tokens built in code have one of a few fixed layouts, so
/// the CEL index of their claims map is made once per layout instead of once per token.
/// </summary>
internal sealed class ClaimLayout
{
    public ClaimLayout(params ClaimKey[] keys)
    {
        Keys = keys;
        Cel = new CelKeyLayout([.. keys.Select(k => k.Cel)]);
    }

    public ClaimKey[] Keys { get; }

    public CelKeyLayout Cel { get; }
}
