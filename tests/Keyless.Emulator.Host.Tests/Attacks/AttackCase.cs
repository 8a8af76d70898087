using System.Text.Json.Nodes;

namespace Keyless.Emulator.Host.Tests.Attacks;

/// <summary>
/// One forged token and what each cloud answers it. <see cref="Forge"/> gets the rig and the claims GitLab would mint
/// for that cloud's audience. A null answer means the cloud accepts the token (the case then proves the emulator does
/// not refuse what the cloud allows), with <see cref="Why"/> saying so.
/// </summary>
public sealed record AttackCase(string Name, Func<AttackRig, JsonObject, string> Forge, Refusal? Gcp, Refusal? Entra, string? Why = null)
{
    public override string ToString() => Name;
}
