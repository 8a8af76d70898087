using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs;

/// <summary>
/// pull.json, the record <c>keyless pull</c> writes beside what it read (docs/pull.md): recognised by its
/// <c>keylessPull</c> key, and read for its <c>notVerified</c> entries, the scopes (a project, tenant, subscription, GitLab
/// project) a call could not read, which the audit reports as not verified. The rest of the record is for people.
/// </summary>
public static class PullRecordInput
{
    public const string Marker = "keylessPull";

    public static bool IsPullRecord(JsonNode? root) => root is JsonObject o && o.ContainsKey(Marker);

    internal static void Read(JsonInput input, JsonObject root, TrustBuilder builder)
    {
        if (root[Marker] is not JsonValue version || !version.TryGetValue<int>(out var v) || v != 1)
        {
            throw input.Error("$." + Marker, "unsupported pull record version (expected 1)");
        }

        if (root["pulls"] is null)
        {
            return;
        }

        var pulls = input.Array(root["pulls"], "$.pulls");
        for (var p = 0; p < pulls.Count; p++)
        {
            var pullPath = JsonInput.Child("$.pulls", p);
            var pull = input.Object(pulls[p], pullPath);
            if (pull["notVerified"] is null)
            {
                continue;
            }

            var at = JsonInput.Child(pullPath, "notVerified");
            var entries = input.Array(pull["notVerified"], at);
            for (var i = 0; i < entries.Count; i++)
            {
                var path = JsonInput.Child(at, i);
                var entry = input.Object(entries[i], path);
                builder.Unverified.Add(new UnverifiedScope(
                    input.RequireStr(entry, "scope", path),
                    input.Str(entry, "call", path) ?? "(unknown call)",
                    entry["status"] is JsonValue s && s.TryGetValue<int>(out var status) ? status : 0,
                    input.Str(entry, "reason", path) ?? "(no reason recorded)",
                    input.Str(entry, "permission", path),
                    input.Ref(path)));
            }
        }
    }
}
