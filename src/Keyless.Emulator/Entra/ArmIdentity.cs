using System.Text.Json.Nodes;

namespace Keyless.Emulator.Entra;

/// <summary>A user-assigned managed identity as ARM serves it, with its federated identity credentials.</summary>
public sealed record ArmIdentity(string Subscription, string ResourceGroup, string Name, JsonObject Resource, IReadOnlyList<JsonObject> Credentials);
