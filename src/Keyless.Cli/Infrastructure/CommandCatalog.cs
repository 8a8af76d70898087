using Keyless.Cli.Commands;
using Keyless.Cli.Commands.Pull;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// Every command, once: Program.cs registers them with these descriptions, and the shell completions and the "did you
/// mean" of a mistyped command are built from the same list, so none of them can fall behind a new command.
/// </summary>
internal static class CommandCatalog
{
    public const string LoginDescription =
        "Exchange the job's id_token for cloud credentials, and say exactly why when it fails.";

    public const string PullDescription =
        "Read the live trust into a folder Keyless reads (the APIs' own responses, a manifest, pull.json).";

    /// <summary>The commands that have sub-commands (<c>login gcp</c>, <c>pull azure</c>), with their descriptions.</summary>
    public static IReadOnlyDictionary<string, string> Branches { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["login"] = LoginDescription,
        ["pull"] = PullDescription,
    };

    public static IReadOnlyList<CommandEntry> All { get; } =
    [
        new("explain", "Would this token get these identities, and why (or why not)?", typeof(ExplainCommand.Settings)),
        new("audit", "Red-team the trust: who else can get these identities, with a witness token and the fix.", typeof(AuditCommand.Settings)),
        new("merge", "Join the JSON reports of audit --shard I/N into the single run's report, in any format.", typeof(MergeCommand.Settings)),
        new("diff", "What a trust change newly admits, per identity and persona.", typeof(DiffCommand.Settings)),
        new("plan", "Draft hardened trust (Terraform, gcloud, az, Bicep, .gitlab-ci.yml) from keyless.yml.", typeof(PlanCommand.Settings)),
        new("lint", "Check .gitlab-ci.yml files' id_tokens usage, optionally against the trust.", typeof(LintCommand.Settings)),
        new("scan", "Find static cloud keys left in GitLab CI/CD variables and files.", typeof(ScanCommand.Settings)),
        new("emulate", "Serve a local GitLab issuer, GCP STS + IAM Credentials and Entra token endpoint.", typeof(EmulateCommand.Settings)),
        new("mint", "Mint a signed test token from a running emulator.", typeof(MintCommand.Settings)),
        new("eval", "Evaluate one CEL expression with claims bound as 'assertion'.", typeof(EvalCommand.Settings)),
        new("decode", "Show a JWT's header and claims, its lifetime, and what each pin-worthy claim means.", typeof(DecodeCommand.Settings)),
        new("completion", "Print a shell completion script: bash, zsh, fish or pwsh.", typeof(CompletionCommand.Settings)),
        new("login gcp", "Workload Identity Federation: a credential config, or an access token now.", typeof(LoginGcpCommand.Settings)),
        new("login azure", "Entra client credentials with the id_token as a jwt-bearer assertion.", typeof(LoginAzureCommand.Settings)),
        new("login aws", "STS AssumeRoleWithWebIdentity: a credentials profile or an env file for the AWS CLI and SDKs.", typeof(LoginAwsCommand.Settings)),
        new("pull gcp", "Workload identity pools, providers, service accounts, their policies and keys (IAM, Resource Manager).", typeof(PullGcpCommand.Settings)),
        new("pull azure", "Applications and managed identities with their federated credentials (Graph, ARM).", typeof(PullAzureCommand.Settings)),
        new("pull gitlab", "Project settings, protected branches, tags, environments and CI/CD variables (values scanned, never written).", typeof(PullGitLabCommand.Settings)),
        new("pull aws", "IAM OIDC providers, the roles whose trust names one, and IAM users' access keys (metadata only).", typeof(PullAwsCommand.Settings)),
    ];

    /// <summary>The first words a command line can start with: the commands and the branches (<c>login</c>, <c>pull</c>).</summary>
    public static IReadOnlyList<string> TopLevel { get; } = All.Select(e => e.Name.Split(' ')[0]).Distinct().ToArray();

    public static string Describe(string name) =>
        All.FirstOrDefault(e => e.Name == name)?.Description ?? throw new InvalidOperationException($"'{name}' is not in the catalog");

    /// <summary>The sub-commands of a branch (<c>gcp</c>, <c>azure</c> of <c>login</c>; <c>gitlab</c> too of <c>pull</c>).</summary>
    public static IReadOnlyList<string> SubcommandsOf(string branch) =>
        All.Where(e => e.Name.StartsWith(branch + " ", StringComparison.Ordinal)).Select(e => e.Name[(branch.Length + 1)..]).ToArray();
}
