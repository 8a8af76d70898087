namespace Keyless.GitLab.Tests.Lint;

/// <summary>
/// A token named only in a global variable is used (vkv's GitLab example hands it to a service container through
/// one): neither unused-id-token nor id-tokens-in-default may say otherwise.
/// </summary>
public sealed class TokenUseTests
{
    private const string Globals = "variables:\n  LOGIN_COMMAND: vault write -field=token auth/jwt/login jwt=\"${VAULT_JWT_TOKEN}\"\n";

    [Fact]
    public void A_global_variable_that_names_a_job_token_uses_it()
    {
        var yaml = Globals + "read:\n  id_tokens:\n    VAULT_JWT_TOKEN:\n      aud: https://vault.example.com\n  script: [make test]\n";

        Assert.Empty(LintText.Findings(yaml, "unused-id-token"));
    }

    [Fact]
    public void A_global_variable_that_names_a_default_token_uses_it_in_every_job()
    {
        var yaml = Globals + "default:\n  id_tokens:\n    VAULT_JWT_TOKEN:\n      aud: https://vault.example.com\ntest:\n  script: [make test]\n";

        var finding = Assert.Single(LintText.Findings(yaml, "id-tokens-in-default"));

        Assert.DoesNotContain("never use it", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_token_nothing_names_is_reported_unused_in_that_job()
    {
        var yaml = "default:\n  id_tokens:\n    VAULT_JWT_TOKEN:\n      aud: https://vault.example.com\ntest:\n  script: [make test]\n";

        var finding = Assert.Single(LintText.Findings(yaml, "id-tokens-in-default"));

        Assert.Contains("1 job never use it (test)", finding.Message, StringComparison.Ordinal);
    }
}
