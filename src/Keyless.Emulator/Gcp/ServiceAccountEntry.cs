using System.Text.Json.Nodes;

namespace Keyless.Emulator.Gcp;

/// <summary>A service account as IAM serves it, with its IAM policy and its keys (a user-managed key per one the trust names, and Google's own).</summary>
public sealed record ServiceAccountEntry(EmulatedProject Project, string Email, JsonObject Resource, JsonObject Policy, IReadOnlyList<JsonObject> Keys);
