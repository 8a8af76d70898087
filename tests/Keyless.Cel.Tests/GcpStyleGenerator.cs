using System.Text.Json.Nodes;

namespace Keyless.Cel.Tests;

/// <summary>
/// Generates GitLab-style claims and the kind of CEL people write in GCP attribute conditions and mappings:
/// equality and prefix pins, regexes, membership, has(), macros over groups, ternaries, string building,
/// and claims that are missing, null, numeric or non-ASCII so errors and edge cases are exercised.
/// </summary>
internal sealed class GcpStyleGenerator(int seed)
{
    private static readonly string[] Paths = ["acme/app", "acme/sub/app", "acme-evil/app", "Acme/App", "acme/app2", "evil/acme/app", "ácme/app"];
    private static readonly string[] Refs = ["main", "release/1.0", "feature/x", "v1.2.3", "mäin", "MAIN", "main\n", "😀/x", "123"];
    private static readonly string[] Ids = ["42", "420", "4", "0042", "-1"];
    private static readonly string[] Literals = ["acme/app", "main", "42", "acme/", "release/", "true", "", "app", "ma", "ä", "😀"];
    private static readonly string[] StringClaims = ["project_path", "ref", "ref_type", "ref_protected", "project_id", "namespace_path", "namespace_id", "pipeline_source", "sub", "aud", "environment", "user_login"];
    private static readonly string[] Patterns =
    [
        "^acme/.*$", "^(main|release/.*)$", "\\\\d+", "^\\\\d+$", "^v[0-9]+\\\\.[0-9]+", "[[:alpha:]]", "(?i)^main$", "^\\\\w+$",
        "acme", "^$", "a(?=b)", "[", "^(a+)+$", "^.{3,5}$", "\\\\s", "release/[^/]+$", "\\\\bapp\\\\b", "^[a-z0-9_/-]+$",
    ];

    private readonly Random _random = new(seed);

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private bool Chance(double p) => _random.NextDouble() < p;

    public JsonObject Claims()
    {
        var path = Pick(Paths);
        var r = Pick(Refs);
        var claims = new JsonObject
        {
            ["project_path"] = path,
            ["namespace_path"] = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : path,
            ["project_id"] = Pick(Ids),
            ["namespace_id"] = Pick(Ids),
            ["ref"] = r,
            ["ref_type"] = Chance(0.7) ? "branch" : "tag",
            ["ref_protected"] = Chance(0.5) ? "true" : "false",
            ["pipeline_source"] = Pick(new[] { "push", "web", "merge_request_event", "schedule" }),
            ["sub"] = $"project_path:{path}:ref_type:branch:ref:{r}",
            ["aud"] = Chance(0.8) ? "https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/g" : "https://gitlab.com",
            ["user_login"] = Pick(new[] { "alice", "bob", "Alice" }),
            ["runner_id"] = _random.Next(0, 100),
            ["ci_config_sha"] = null,
        };
        if (Chance(0.6))
        {
            claims["environment"] = Pick(new[] { "production", "staging", "prod" });
        }

        if (Chance(0.6))
        {
            claims["groups_direct"] = new JsonArray([.. Enumerable.Range(0, _random.Next(0, 4)).Select(_ => (JsonNode?)Pick(new[] { "acme", "ops", "acme-evil", "dev" }))]);
        }

        return claims;
    }

    public string Expression() => Chance(0.25) ? StringExpression(2) : Condition(3);

    private string Claim() => "assertion." + Pick(StringClaims);

    private string Lit() => "'" + Pick(Literals) + "'";

    private string Condition(int depth)
    {
        if (depth > 0 && Chance(0.45))
        {
            return _random.Next(5) switch
            {
                0 => $"{Condition(depth - 1)} && {Condition(depth - 1)}",
                1 => $"{Condition(depth - 1)} || {Condition(depth - 1)}",
                2 => $"!({Condition(depth - 1)})",
                3 => $"({Condition(depth - 1)}) ? {Condition(depth - 1)} : {Condition(depth - 1)}",
                _ => $"({Condition(depth - 1)})",
            };
        }

        return _random.Next(19) switch
        {
            0 => $"{Claim()} == {Lit()}",
            1 => $"{Claim()} != {Lit()}",
            2 => $"{Claim()}.startsWith({Lit()})",
            3 => $"{Claim()}.endsWith({Lit()})",
            4 => $"{Claim()}.contains({Lit()})",
            5 => $"{Claim()}.matches('{Pick(Patterns)}')",
            6 => $"{Claim()} in [{Lit()}, {Lit()}]",
            7 => $"{Lit()} in assertion.groups_direct",
            8 => "has(assertion.environment)",
            9 => $"assertion.groups_direct.exists(g, g.startsWith({Lit()}))",
            10 => $"assertion.groups_direct.all(g, g != {Lit()})",
            11 => $"size({Claim()}) < {_random.Next(0, 12)}",
            12 => $"assertion.runner_id > {_random.Next(0, 100)}",
            13 => $"{Claim()}.lowerAscii() == {Lit()}",
            14 => $"assertion.sub.split(':')[{_random.Next(0, 6)}] == {Lit()}",
            15 => $"assertion.sub.extract('project_path:{{p}}:ref_type') == {Lit()}",
            16 => $"int(assertion.project_id) == {_random.Next(0, 50)}",
            17 => $"assertion.ci_config_sha == null",
            _ => $"{Claim()}.size() == {_random.Next(0, 10)} || {Claim()} > {Lit()}",
        };
    }

    private string StringExpression(int depth)
    {
        if (depth > 0 && Chance(0.4))
        {
            return _random.Next(2) switch
            {
                0 => $"{StringExpression(depth - 1)} + '::' + {StringExpression(depth - 1)}",
                _ => $"{Condition(1)} ? {StringExpression(depth - 1)} : {StringExpression(depth - 1)}",
            };
        }

        return _random.Next(9) switch
        {
            0 => Claim(),
            1 => "assertion.sub.extract('project_path:{p}:ref_type')",
            2 => $"{Claim()}.upperAscii()",
            3 => $"assertion.sub.split(':')[{_random.Next(0, 6)}]",
            4 => $"{Claim()}.substring(0, {_random.Next(0, 6)})",
            5 => $"{Claim()}.replace('/', '_')",
            6 => "assertion.groups_direct.join('.')",
            7 => $"{Claim()}.trim()",
            _ => $"string(assertion.runner_id) + {Claim()}.charAt({_random.Next(0, 4)})",
        };
    }
}
