using Keyless.Formats.Inputs;
using Keyless.GitLab.Lint;
using Keyless.Trust.Findings;
using static Keyless.GitLab.Tests.Lint.TrustRuleFixtures;

namespace Keyless.GitLab.Tests.Lint;

/// <summary>
/// Lint and AWS (issue #19): <c>keyless login aws</c> uses the token it is given and leaves keys in a file,
/// <c>sts.amazonaws.com</c> is AWS's own audience, and with <c>--trust</c> an AWS job's aud must be a client id of
/// the IAM OIDC provider. The trust inputs are the AWS trust cases' aws CLI outputs (tests/cases, SOURCE beside them).
/// </summary>
public sealed class AwsLintTests
{
    private const string Role = "arn:aws:iam::111122223333:role/deploy";
    private const string Login = "keyless login aws --role-arn " + Role + " --token-env AWS_ID_TOKEN";
    private const string AssumeRole =
        "aws sts assume-role-with-web-identity --role-arn " + Role + " --role-session-name ci --web-identity-token \"$AWS_ID_TOKEN\" > /dev/null";

    /// <summary>An IAM OIDC provider for gitlab.com whose only client id is sts.amazonaws.com, and a role trusting it.</summary>
    private static LintOptions AwsTrust(string trustCase = "aws-audience-not-client-id") => new()
    {
        Trust = TrustLoader.Load([Path.Combine(LintFixtures.Root, "..", "..", "..", "cases", trustCase, "trust")], TrustRequirement.AnyTrust),
    };

    [Theory]
    [InlineData(Login + " --env-file /tmp/aws.env")]
    [InlineData(Login + " --credentials-file /tmp/aws-credentials --profile deploy")]
    public void Keyless_login_aws_uses_the_token_named_by_token_env(string line)
    {
        Assert.Empty(FindingsOf(Job("deploy", "AWS_ID_TOKEN", "sts.amazonaws.com", line), LintOptions.Default, "unused-id-token"));
    }

    [Fact]
    public void A_token_keyless_login_aws_is_not_given_is_unused()
    {
        var yaml = Job("deploy", "AWS_ID_TOKEN", "sts.amazonaws.com", "keyless login aws --role-arn " + Role + " --token-env OTHER_TOKEN");

        Assert.Single(FindingsOf(yaml, LintOptions.Default, "unused-id-token"));
    }

    [Theory]
    [InlineData(" --env-file aws.env", "aws.env")]
    [InlineData(" --credentials-file aws-credentials", "aws-credentials")]
    public void Keys_keyless_login_aws_writes_in_an_artifact_are_high(string option, string file)
    {
        var yaml = Job("deploy", "AWS_ID_TOKEN", "sts.amazonaws.com", Login + option, extra: $"  artifacts:\n    paths: [{file}]\n");

        var finding = Assert.Single(FindingsOf(yaml, LintOptions.Default, "credentials-in-artifacts"));

        Assert.Equal(Severity.High, finding.Severity);
    }

    [Fact]
    public void Keys_keyless_login_aws_writes_outside_the_artifacts_are_fine()
    {
        var yaml = Job("deploy", "AWS_ID_TOKEN", "sts.amazonaws.com", Login + " --env-file /tmp/aws.env", extra: "  artifacts:\n    paths: [dist/]\n");

        Assert.Empty(FindingsOf(yaml, LintOptions.Default, "credentials-in-artifacts"));
    }

    [Fact]
    public void Printing_the_keys_keyless_login_aws_wrote_is_high()
    {
        var yaml = Job("deploy", "AWS_ID_TOKEN", "sts.amazonaws.com", Login + " --env-file aws.env\n    - cat aws.env");

        var finding = Assert.Single(FindingsOf(yaml, LintOptions.Default, "token-printed"));

        Assert.Equal(Severity.High, finding.Severity);
    }

    [Theory]
    [InlineData(Login + " --env-file /tmp/aws.env")]
    [InlineData(AssumeRole)]
    [InlineData("echo \"$AWS_ID_TOKEN\" > /tmp/web-identity-token\n    - export AWS_WEB_IDENTITY_TOKEN_FILE=/tmp/web-identity-token AWS_ROLE_ARN=" + Role + "\n    - aws s3 ls")]
    public void The_sts_audience_is_not_an_instance_url(string script)
    {
        Assert.Empty(FindingsOf(Job("deploy", "AWS_ID_TOKEN", "sts.amazonaws.com", script), LintOptions.Default, "instance-url-audience"));
    }

    [Fact]
    public void The_instance_url_as_an_aws_audience_is_still_reported()
    {
        var finding = Assert.Single(FindingsOf(Job("deploy", "AWS_ID_TOKEN", "https://gitlab.com", Login), LintOptions.Default, "instance-url-audience"));

        Assert.Contains("sts.amazonaws.com", finding.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Login + " --env-file /tmp/aws.env")]
    [InlineData(AssumeRole)]
    public void An_aud_the_aws_provider_lists_as_a_client_id_is_accepted(string script)
    {
        Assert.Empty(FindingsOf(Job("deploy", "AWS_ID_TOKEN", "sts.amazonaws.com", script), AwsTrust(), "unaccepted-audience"));
    }

    [Theory]
    [InlineData(Login + " --env-file /tmp/aws.env")]
    [InlineData(AssumeRole)]
    public void An_aud_that_is_no_client_id_of_the_aws_provider_is_reported(string script)
    {
        var finding = Assert.Single(FindingsOf(Job("deploy", "AWS_ID_TOKEN", "https://gitlab.com", script), AwsTrust(), "unaccepted-audience"));

        Assert.Contains("1 AWS OIDC provider", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'sts.amazonaws.com' (AWS provider gitlab.com)", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_instance_url_is_accepted_where_the_provider_lists_it()
    {
        // GitLab's AWS page registers https://gitlab.com as the client id; that provider takes it.
        Assert.Empty(FindingsOf(Job("deploy", "AWS_ID_TOKEN", "https://gitlab.com", Login), AwsTrust("aws-sub-exact-allow"), "unaccepted-audience"));
    }

    [Fact]
    public void Aws_roles_in_the_trust_do_not_break_the_environment_rule()
    {
        // A token with no cloud signal is judged against every cloud; AWS roles are not judged for environment pins.
        Assert.Empty(FindingsOf(Job("deploy", "ID_TOKEN", "https://gitlab.com", "./deploy.sh \"$ID_TOKEN\""), AwsTrust(), "missing-environment"));
    }

    [Fact]
    public void One_aud_used_with_gcp_and_aws_is_shared()
    {
        var yaml = Job("gcp", "GCP_ID_TOKEN", "https://gitlab.com", "gcloud auth login --cred-file=gcp.json")
            + Job("aws", "AWS_ID_TOKEN", "https://gitlab.com", Login);

        var findings = FindingsOf(yaml, LintOptions.Default, "shared-audience");

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Contains("both GCP and AWS", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Separate_audiences_for_gcp_and_aws_are_not_shared()
    {
        var yaml = Job("gcp", "GCP_ID_TOKEN", "https://gitlab.com", "gcloud auth login --cred-file=gcp.json")
            + Job("aws", "AWS_ID_TOKEN", "sts.amazonaws.com", Login);

        Assert.Empty(FindingsOf(yaml, LintOptions.Default, "shared-audience"));
    }
}
