using System.Diagnostics.CodeAnalysis;
using Keyless.Cli.Commands;
using Keyless.Cli.Commands.Pull;
using Keyless.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

_ = RunClock.Started;
var app = NewCommandApp();
app.Configure(config =>
{
    config.SetApplicationName("keyless");
    config.SetApplicationVersion(ToolVersion.Informational);
    config.UseStrictParsing();

    config.AddCommand<ExplainCommand>("explain")
        .WithDescription(CommandCatalog.Describe("explain"));
    config.AddCommand<AuditCommand>("audit")
        .WithDescription(CommandCatalog.Describe("audit"));
    config.AddCommand<MergeCommand>("merge")
        .WithDescription(CommandCatalog.Describe("merge"));
    config.AddCommand<DiffCommand>("diff")
        .WithDescription(CommandCatalog.Describe("diff"));
    config.AddCommand<PlanCommand>("plan")
        .WithDescription(CommandCatalog.Describe("plan"));
    config.AddCommand<LintCommand>("lint")
        .WithDescription(CommandCatalog.Describe("lint"));
    config.AddCommand<ScanCommand>("scan")
        .WithDescription(CommandCatalog.Describe("scan"));
    config.AddCommand<EmulateCommand>("emulate")
        .WithDescription(CommandCatalog.Describe("emulate"));
    config.AddCommand<MintCommand>("mint")
        .WithDescription(CommandCatalog.Describe("mint"));
    config.AddCommand<EvalCommand>("eval")
        .WithDescription(CommandCatalog.Describe("eval"));
    config.AddCommand<DecodeCommand>("decode")
        .WithDescription(CommandCatalog.Describe("decode"));
    config.AddCommand<CompletionCommand>("completion")
        .WithDescription(CommandCatalog.Describe("completion"));
    config.AddBranch("login", login =>
    {
        login.SetDescription(CommandCatalog.LoginDescription);
        login.AddCommand<LoginGcpCommand>("gcp")
            .WithDescription(CommandCatalog.Describe("login gcp"));
        login.AddCommand<LoginAzureCommand>("azure")
            .WithDescription(CommandCatalog.Describe("login azure"));
        login.AddCommand<LoginAwsCommand>("aws")
            .WithDescription(CommandCatalog.Describe("login aws"));
    });

    config.AddBranch("pull", pull =>
    {
        pull.SetDescription(CommandCatalog.PullDescription);
        pull.AddCommand<PullGcpCommand>("gcp")
            .WithDescription(CommandCatalog.Describe("pull gcp"));
        pull.AddCommand<PullAzureCommand>("azure")
            .WithDescription(CommandCatalog.Describe("pull azure"));
        pull.AddCommand<PullGitLabCommand>("gitlab")
            .WithDescription(CommandCatalog.Describe("pull gitlab"));
        pull.AddCommand<PullAwsCommand>("aws")
            .WithDescription(CommandCatalog.Describe("pull aws"));
    });

    config.SetExceptionHandler(ExitCodes.FromException);
});

// What the parser would get wrong or say less helpfully is settled first: --color wherever it is, arguments that
// start with '-', and a mistyped command (with the nearest one).
var arguments = ColorChoice.Take(args, out var colorError);
if (arguments is null)
{
    HumanConsole.CreateError().MarkupLineInterpolated($"[red]error:[/] {colorError}");
    return ExitCodes.BadInput;
}

arguments = StdinArguments.Rewrite(DashArguments.Rewrite(arguments));
if (CommandSuggestion.CheckCommand(arguments) is { } unknownCommand)
{
    HumanConsole.CreateError().MarkupLineInterpolated($"[red]error:[/] {unknownCommand}");
    return ExitCodes.BadInput;
}

CommandSuggestion.Arguments = arguments;
return await app.RunAsync(arguments).ConfigureAwait(false);

// Spectre.Console.Cli reflects over the command and settings types. The csproj keeps those assemblies whole for the
// native build (TrimmerRootAssembly), which is what this warning asks for, and the CLI tests run against that build.
[UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Spectre.Console.Cli and keyless are trimmer roots.")]
static CommandApp NewCommandApp() => new();
