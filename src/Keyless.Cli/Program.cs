using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Keyless.Cli.Commands;
using Keyless.Cli.Infrastructure;
using Spectre.Console.Cli;

var app = NewCommandApp();
app.Configure(config =>
{
    config.SetApplicationName("keyless");
    config.SetApplicationVersion(
        typeof(ExitCodes).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
    config.UseStrictParsing();

    config.AddCommand<ExplainCommand>("explain")
        .WithDescription("Would this token get these identities, and why (or why not)?");
    config.AddCommand<AuditCommand>("audit")
        .WithDescription("Red-team the trust: who else can get these identities, with a witness token and the fix.");
    config.AddCommand<DiffCommand>("diff")
        .WithDescription("What a trust change newly admits, per identity and persona.");
    config.AddCommand<PlanCommand>("plan")
        .WithDescription("Draft hardened trust (Terraform, gcloud, az, Bicep, .gitlab-ci.yml) from keyless.yml.");
    config.AddCommand<LintCommand>("lint")
        .WithDescription("Check a .gitlab-ci.yml's id_tokens usage, optionally against the trust.");
    config.AddCommand<ScanCommand>("scan")
        .WithDescription("Find static cloud keys left in GitLab CI/CD variables and files.");
    config.AddCommand<EmulateCommand>("emulate")
        .WithDescription("Serve a local GitLab issuer, GCP STS + IAM Credentials and Entra token endpoint.");
    config.AddCommand<MintCommand>("mint")
        .WithDescription("Mint a signed test token from a running emulator.");
    config.AddCommand<EvalCommand>("eval")
        .WithDescription("Evaluate one CEL expression with claims bound as 'assertion'.");
    config.AddCommand<DecodeCommand>("decode")
        .WithDescription("Show a JWT's header and claims, its lifetime, and what each pin-worthy claim means.");
    config.AddBranch("login", login =>
    {
        login.SetDescription("Exchange the job's id_token for cloud credentials, and say exactly why when it fails.");
        login.AddCommand<LoginGcpCommand>("gcp")
            .WithDescription("Workload Identity Federation: a credential config, or an access token now.");
        login.AddCommand<LoginAzureCommand>("azure")
            .WithDescription("Entra client credentials with the id_token as a jwt-bearer assertion.");
    });

    config.AddBranch("pull", pull =>
    {
        pull.SetDescription("Read the live trust into a folder Keyless reads (the APIs' own responses, a manifest, pull.json).");
        pull.AddCommand<Keyless.Cli.Commands.Pull.PullGcpCommand>("gcp")
            .WithDescription("Workload identity pools, providers, service accounts, their policies and keys (IAM, Resource Manager).");
        pull.AddCommand<Keyless.Cli.Commands.Pull.PullAzureCommand>("azure")
            .WithDescription("Applications and managed identities with their federated credentials (Graph, ARM).");
        pull.AddCommand<Keyless.Cli.Commands.Pull.PullGitLabCommand>("gitlab")
            .WithDescription("Project settings, protected branches, tags, environments and CI/CD variables (values scanned, never written).");
    });

    config.SetExceptionHandler(ExitCodes.FromException);
});

return await app.RunAsync(Keyless.Cli.Infrastructure.StdinArguments.Rewrite(args)).ConfigureAwait(false);

// Spectre.Console.Cli reflects over the command and settings types. The csproj keeps those assemblies whole for the
// native build (TrimmerRootAssembly), which is what this warning asks for, and the CLI tests run against that build.
[UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Spectre.Console.Cli and keyless are trimmer roots.")]
static CommandApp NewCommandApp() => new();
