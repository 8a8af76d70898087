using Keyless.GitLab.Lint.Shell;
using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Lint;

/// <summary>
/// A tool that reads an ID token from the job's environment by itself, by a documented variable name, so a job can
/// use its token without ever writing <c>$NAME</c>. Each entry names its public source (also in
/// docs/lint/unused-id-token.md).
/// </summary>
internal sealed record TokenReader(string Tool, Func<string, bool> ReadsVariable, Func<ShellCommand, bool> RunsTool, string Source)
{
    /// <summary>The tools Keyless knows, in the order they are tried.</summary>
    public static IReadOnlyList<TokenReader> Known { get; } =
    [
        // SIGSTORE_ID_TOKEN is cosign's identity token variable (VariableSigstoreIDToken); GitLab's Cosign template
        // and signing examples declare it and run `cosign sign` without naming it.
        new(
            "Sigstore (cosign, gitsign, sigstore-python)",
            name => name == "SIGSTORE_ID_TOKEN",
            c => c.Name is "cosign" or "gitsign" or "sigstore" || IsPythonModule(c, "sigstore"),
            "sigstore/cosign pkg/cosign/env/env.go (VariableSigstoreIDToken = \"SIGSTORE_ID_TOKEN\")"),

        // npm publish --provenance signs with sigstore-js, whose CI identity provider reads SIGSTORE_ID_TOKEN.
        new(
            "npm provenance (npm publish --provenance)",
            name => name == "SIGSTORE_ID_TOKEN",
            c => c.Name is "npm" or "pnpm" or "yarn" && c.Words.Any(w => w.Text == "publish"),
            "npm/cli workspaces/libnpmpublish/lib/provenance.js (sigstore.attest); sigstore/sigstore-js packages/sign/src/identity/ci.ts (getEnv reads SIGSTORE_ID_TOKEN)"),

        // npm trusted publishing exchanges NPM_ID_TOKEN for a publish token.
        new(
            "npm trusted publishing",
            name => name == "NPM_ID_TOKEN",
            c => c.Name is "npm" or "pnpm" or "yarn" or "npx",
            "npm/cli lib/utils/oidc.js (process.env.NPM_ID_TOKEN)"),

        // The `id` library (sigstore-python, PyPI trusted publishing tools) reads <AUD>_ID_TOKEN on GitLab.
        new(
            "Python's id library (<AUD>_ID_TOKEN)",
            name => name.EndsWith("_ID_TOKEN", StringComparison.Ordinal) && name.Length > "_ID_TOKEN".Length,
            c => c.Name == "sigstore" || IsPythonModule(c, "id") || IsPythonModule(c, "sigstore"),
            "di/id id/_internal/oidc/ambient.py (detect_gitlab: the variable <AUD>_ID_TOKEN)"),

        // binxio's AWS credential helper reads the token from GITLAB_AWS_IDENTITY_TOKEN unless told otherwise.
        new(
            "gitlab-aws-credential-helper",
            name => name == "GITLAB_AWS_IDENTITY_TOKEN",
            c => c.Name == "gitlab-aws-credential-helper",
            "binxio/gitlab-aws-credential-helper README.md (--web-identity-token-name, default GITLAB_AWS_IDENTITY_TOKEN)"),

        // Terraform's azurerm and azuread providers read ARM_OIDC_TOKEN (schema.EnvDefaultFunc).
        new(
            "Terraform azurerm/azuread providers",
            name => name == "ARM_OIDC_TOKEN",
            c => c.Name is "terraform" or "tofu" or "terragrunt" or "gitlab-terraform" or "gitlab-tofu",
            "hashicorp/terraform-provider-azurerm internal/provider/provider.go (EnvDefaultFunc(\"ARM_OIDC_TOKEN\"))"),
    ];

    /// <summary>The known tool the job runs that reads <paramref name="token"/> by its name, if any.</summary>
    public static TokenReader? ReaderIn(IReadOnlyList<ShellCommand> commands, IdToken token) =>
        Known.FirstOrDefault(r => r.ReadsVariable(token.Name) && commands.Any(r.RunsTool));

    private static bool IsPythonModule(ShellCommand command, string module) =>
        command.Name is "python" or "python3" && command.Words.Count > 2 && command.Words[1].Text == "-m" && command.Words[2].Text == module;
}
