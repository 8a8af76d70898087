using System.Globalization;
using System.Text.Json.Nodes;

namespace Keyless.Testing;

/// <summary>
/// Runs a generated aws CLI script in a real <c>sh</c>, with <c>aws</c> a shell function that records each call's
/// arguments exactly as the shell split them and fails every <c>get-*</c> (nothing exists yet, so the script takes
/// its create branches); and turns the recorded calls into what IAM then answers, as the aws CLI prints it.
/// </summary>
public static class AwsCliScript
{
    private const string Recorder = """
        n=0
        aws() {
          case "$2" in get-*) return 1 ;; esac
          n=$((n + 1))
          for word in "$@"; do printf '%s\0' "$word"; done > "$CALLS/$n"
        }
        . "$1"
        """;

    /// <summary>The calls the script makes, in order; <paramref name="work"/> holds the script and the recording.</summary>
    public static async Task<List<string[]>> RunAsync(string script, string work)
    {
        var calls = Directory.CreateDirectory(Path.Combine(work, Guid.NewGuid().ToString("N"))).FullName;
        var path = Path.Combine(work, "aws.sh");
        await File.WriteAllTextAsync(path, script);
        var run = await ExternalTool.RunAsync("sh", ["-c", Recorder, "sh", path], new Dictionary<string, string> { ["CALLS"] = calls });
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"the script failed (exit {run.ExitCode}): {run.StdErr}");
        }

        return [.. Directory.GetFiles(calls).OrderBy(f => int.Parse(Path.GetFileName(f), CultureInfo.InvariantCulture))
            .Select(f => File.ReadAllText(f).TrimEnd('\0').Split('\0'))];
    }

    /// <summary>
    /// What IAM answers once the calls have run (botocore iam-2010-05-08: GetOpenIDConnectProviderResponse with the
    /// Url without its scheme and ClientIDList; GetRoleResponse's Role with Path, RoleName, RoleId, Arn, CreateDate,
    /// AssumeRolePolicyDocument and MaxSessionDuration), one answer per created provider or role.
    /// </summary>
    public static List<JsonObject> IamAnswers(IReadOnlyList<string[]> calls, string account)
    {
        var answers = new List<JsonObject>();
        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            string Option(string name) => call[Array.IndexOf(call, name) + 1];
            answers.Add(call[1] switch
            {
                "create-open-id-connect-provider" => new JsonObject
                {
                    ["Url"] = Option("--url")["https://".Length..],
                    ["ClientIDList"] = new JsonArray(Option("--client-id-list")),
                    ["ThumbprintList"] = new JsonArray(),
                    ["CreateDate"] = "2026-12-07T22:00:00+00:00",
                },
                "create-role" => new JsonObject
                {
                    ["Role"] = new JsonObject
                    {
                        ["Path"] = Option("--path"),
                        ["RoleName"] = Option("--role-name"),
                        ["RoleId"] = $"AROA{i:D17}",
                        ["Arn"] = $"arn:aws:iam::{account}:role{Option("--path")}{Option("--role-name")}",
                        ["CreateDate"] = "2026-12-07T22:00:00+00:00",
                        ["AssumeRolePolicyDocument"] = JsonNode.Parse(Option("--assume-role-policy-document")),
                        ["MaxSessionDuration"] = Array.IndexOf(call, "--max-session-duration") >= 0
                            ? int.Parse(Option("--max-session-duration"), CultureInfo.InvariantCulture)
                            : 3600,
                    },
                },
                _ => throw new InvalidOperationException($"unexpected call: aws {string.Join(' ', call)}"),
            });
        }

        return answers;
    }
}
