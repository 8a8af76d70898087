using Keyless.Trust.Findings;

namespace Keyless.GitLab.Tests.Lint;

/// <summary>
/// Tools that read an ID token from the environment by a documented name use it without the job ever writing
/// <c>$NAME</c>: unused-id-token stays quiet for them, and says "likely", not "proven", where the job runs code the
/// lint cannot read.
/// </summary>
public sealed class EnvironmentTokenReaderTests
{
    private const string Id = "unused-id-token";

    private static string Job(string token, string aud, params string[] script) =>
        $"sign:\n  id_tokens:\n    {token}:\n      aud: {aud}\n  script:\n" + string.Concat(script.Select(line => $"    - {line}\n"));

    [Theory]
    [InlineData("SIGSTORE_ID_TOKEN", "sigstore", "cosign sign \"$IMAGE@$DIGEST\"")]
    [InlineData("SIGSTORE_ID_TOKEN", "sigstore", "cosign attest --predicate sbom.json --type cyclonedx \"$IMAGE\"")]
    [InlineData("SIGSTORE_ID_TOKEN", "sigstore", "gitsign --version")]
    [InlineData("SIGSTORE_ID_TOKEN", "sigstore", "python -m sigstore sign dist/*")]
    [InlineData("SIGSTORE_ID_TOKEN", "sigstore", "npm publish --provenance --access public")]
    [InlineData("NPM_ID_TOKEN", "npm:registry.npmjs.org", "npm publish")]
    [InlineData("PYPI_ID_TOKEN", "pypi", "python -m id pypi")]
    [InlineData("GITLAB_AWS_IDENTITY_TOKEN", "https://gitlab.com", "gitlab-aws-credential-helper dotenv")]
    [InlineData("ARM_OIDC_TOKEN", "api://AzureADTokenExchange", "terraform apply -auto-approve")]
    public void A_tool_that_reads_the_token_by_its_name_uses_it(string token, string aud, string line)
    {
        Assert.Empty(LintText.Findings(Job(token, aud, line), Id));
    }

    [Fact]
    public void Writing_the_token_to_the_AWS_web_identity_token_file_uses_it()
    {
        var yaml = Job(
            "GITLAB_OIDC_TOKEN",
            "https://gitlab.com",
            "echo \"$GITLAB_OIDC_TOKEN\" > /tmp/web_identity_token",
            "export AWS_WEB_IDENTITY_TOKEN_FILE=/tmp/web_identity_token AWS_ROLE_ARN=arn:aws:iam::111111111111:role/ci",
            "aws sts get-caller-identity");

        Assert.Empty(LintText.Findings(yaml, Id));
    }

    [Fact]
    public void Vault_secrets_without_a_token_use_the_only_ID_token()
    {
        const string yaml = """
            read:
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.example.com
              secrets:
                DATABASE_PASSWORD:
                  vault: production/db/password@ops
              script: [./use-secret]
            """;

        Assert.Empty(LintText.Findings(yaml, Id));
    }

    [Fact]
    public void The_identity_keyword_brings_its_own_credential_and_reads_no_ID_token()
    {
        // identity: google_cloud gets a credential from GitLab's Google Cloud IAM integration (doc/ci/yaml/_index.md#identity);
        // an id_tokens entry beside it is still unused when nothing names it.
        var yaml = "list:\n  identity: google_cloud\n  id_tokens:\n    GCP_ID_TOKEN:\n      aud: https://gitlab.com\n  script:\n    - gcloud compute instances list\n";

        var finding = Assert.Single(LintText.Findings(yaml, Id));

        Assert.Equal(Confidence.Proven, finding.Confidence);
    }

    [Fact]
    public void The_name_alone_is_not_use_when_the_job_runs_no_such_tool()
    {
        var finding = Assert.Single(LintText.Findings(Job("SIGSTORE_ID_TOKEN", "sigstore", "docker build -t app ."), Id));

        Assert.Equal(Confidence.Proven, finding.Confidence);
    }

    [Theory]
    [InlineData("./scripts/sign.sh")]
    [InlineData("bash ci/sign.sh")]
    [InlineData("python tools/release.py")]
    [InlineData("source ./ci/env.sh")]
    [InlineData("make release")]
    [InlineData("npm run release")]
    public void A_script_the_lint_cannot_read_makes_unused_likely(string line)
    {
        var finding = Assert.Single(LintText.Findings(Job("RELEASE_ID_TOKEN", "https://release.example.com", line), Id));

        Assert.Equal(Confidence.Likely, finding.Confidence);
        Assert.Contains("may read it", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parent_from_an_include_not_read_makes_unused_likely()
    {
        const string yaml = """
            include:
              - project: platform/ci
                ref: 0123456789abcdef0123456789abcdef01234567
                file: /sign.yml
            sign:
              extends: .sign
              id_tokens:
                SIGN_ID_TOKEN:
                  aud: https://sign.example.com
            """;

        var finding = Assert.Single(LintText.Findings(yaml, Id));

        Assert.Equal(Confidence.Likely, finding.Confidence);
        Assert.Contains(".sign", finding.Message, StringComparison.Ordinal);
    }
}
