using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Cli.Commands.Explain;
using Keyless.Cli.Infrastructure;
using Keyless.Formats.Inputs.Tokens;
using Keyless.Trust.Claims;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless decode TOKEN|-</c>: a JWT's header and claims, its lifetime, and what each pin-worthy claim means.
/// The signature is never printed and never trusted: this is a look, not a verification.
/// </summary>
internal sealed class DecodeCommand : Command<DecodeCommand.Settings>
{
    public sealed class Settings : KeylessSettings
    {
        [CommandArgument(0, "[TOKEN]")]
        [Description("A file holding the JWT, the JWT itself, or '-' (or nothing) for standard input.")]
        public string Token { get; init; } = "-";

        [CommandOption("--format <FORMAT>")]
        [Description("text or json.")]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        public override ValidationResult Validate() => Format is "text" or "json"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format: '{Format}' is not one of text, json");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (text, source) = settings.Token == "-" ? (Console.In.ReadToEnd(), "<stdin>")
            : File.Exists(settings.Token) ? (InputText.Read(settings.Token, "TOKEN"), settings.Token)
            : (settings.Token, "TOKEN");
        var jwt = JwtParts.Decode(text, source);
        var claims = TokenClaims.FromJwtPayload(jwt.Claims);
        var now = TimeProvider.System.GetUtcNow();
        var lifetime = Lifetime(claims, now);
        var meanings = ClaimMeanings.All.Where(m => claims.Has(m.Key)).ToArray();

        if (settings.Format == "json")
        {
            var root = new JsonObject
            {
                ["header"] = jwt.Header.DeepClone(),
                ["claims"] = jwt.Claims.DeepClone(),
                ["lifetime"] = lifetime,
                ["meanings"] = new JsonObject(meanings.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
            };
            Console.Out.WriteLine(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Ok;
        }

        var console = HumanConsole.Create();
        console.MarkupLine("[bold]header[/]");
        foreach (var (name, value) in jwt.Header)
        {
            console.WriteLine($"  {name}: {Show(value)}");
        }

        console.MarkupLine("[bold]claims[/]");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("claim").AddColumn("value").AddColumn("what it means for trust");
        foreach (var (name, value) in jwt.Claims)
        {
            table.AddRow(new Text(name), new Text(Show(value)), new Text(ClaimMeanings.All.GetValueOrDefault(name, string.Empty)));
        }

        console.Write(table);
        console.MarkupLine("[bold]lifetime[/]");
        foreach (var (name, value) in lifetime)
        {
            console.WriteLine($"  {name}: {Show(value)}");
        }

        console.MarkupLine("[dim]The signature was not checked; keyless explain --jwks/--issuer verifies it.[/]");
        return ExitCodes.Ok;
    }

    private static JsonObject Lifetime(TokenClaims claims, DateTimeOffset now)
    {
        var result = new JsonObject();
        foreach (var name in new[] { GitLabClaimNames.IssuedAt, GitLabClaimNames.NotBefore, GitLabClaimNames.Expires })
        {
            if (claims.GetNumericDate(name) is { } seconds)
            {
                result[name] = DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            }
        }

        if (claims.GetNumericDate(GitLabClaimNames.Expires) is { } exp)
        {
            var left = exp - now.ToUnixTimeSeconds();
            result["status"] = left >= 0 ? $"valid for {left} more seconds" : $"expired {-left} seconds ago";
            if (claims.GetNumericDate(GitLabClaimNames.IssuedAt) is { } iat)
            {
                result["lifetime_seconds"] = exp - iat;
            }
        }
        else
        {
            result["status"] = "no exp claim";
        }

        return result;
    }

    private static string Show(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null";
}
