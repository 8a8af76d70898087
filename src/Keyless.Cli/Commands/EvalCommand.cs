using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Cel;
using Keyless.Cli.Infrastructure;
using Keyless.Formats.Inputs.Tokens;
using Keyless.Trust.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless eval EXPR [--claims FILE] [--format text|json]</c>: one CEL expression, evaluated as GCP would
/// evaluate a mapping, with the claims bound as <c>assertion</c>. Exit 0 with the value, 1 when evaluation
/// gives an error (a missing claim, say), 2 for a syntax error or an unreadable claims file.
/// </summary>
internal sealed class EvalCommand : Command<EvalCommand.Settings>
{
    /// <summary>Only <c>assertion</c> is in scope, as in a mapping; the length limit is a condition's.</summary>
    private static readonly CelCompileOptions Options = CelCompileOptions.GcpCondition with { Variables = ["assertion"] };

    public sealed class Settings : KeylessSettings
    {
        [CommandArgument(0, "[EXPR]")]
        [Description("The CEL expression, e.g. \"assertion.sub.extract('project_path:{p}:ref_type')\"; one that starts with '-' works as it is, or after --.")]
        public string? ExpressionArgument { get; init; }

        // Where DashArguments puts an expression that starts with '-', which the parser would read as options.
        // An array, so that two of them are refused below rather than the last silently taken.
        [CommandOption(DashArguments.ExpressionOption + " <EXPR>", IsHidden = true)]
        public string[] ExpressionOption { get; init; } = [];

        public string Expression => ExpressionArgument ?? ExpressionOption.FirstOrDefault() ?? string.Empty;

        [CommandOption("--claims <FILE>")]
        [Description("The claims object (JSON or YAML), bound as 'assertion'; --claims=- reads standard input.")]
        public string? Claims { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("text or json.")]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        public override ValidationResult Validate()
        {
            var count = ExpressionOption.Length + (ExpressionArgument is null ? 0 : 1);
            if (count != 1)
            {
                return ValidationResult.Error(count == 0
                    ? "give the CEL expression: keyless eval EXPR [--claims FILE]"
                    : "give one CEL expression (quote it as one argument; after --, every word is the expression's)");
            }

            return Format is "text" or "json"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--format: '{Format}' is not one of text, json");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var compiled = CelCompiler.Compile(settings.Expression, Options);
        if (compiled.Program is not { } program)
        {
            var d = compiled.Diagnostics[0];
            throw new InputException("EXPR", d.Message, d.Line, d.Column);
        }

        var claims = settings.Claims is { } file
            ? ClaimsReader.Read(file == "-" ? "<stdin>" : file, InputText.Read(file, "--claims"))
            : new JsonObject();
        var value = program.Evaluate(CelActivation.Empty.With("assertion", CelValue.FromJson(claims)));

        if (settings.Format == "json")
        {
            var result = value.IsError
                ? new JsonObject { ["error"] = value.ErrorMessage }
                : new JsonObject { ["value"] = value.ToJson(), ["type"] = value.Type.Name() };
            Console.Out.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
            return value.IsError ? ExitCodes.Findings : ExitCodes.Ok;
        }

        if (value.IsError)
        {
            var error = HumanConsole.CreateError();
            error.MarkupLineInterpolated($"[red]evaluation error:[/] {value.ErrorMessage}");
            return ExitCodes.Findings;
        }

        Console.Out.WriteLine($"{value} ({value.Type.Name()})");
        return ExitCodes.Ok;
    }
}
