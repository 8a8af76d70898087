using System.Text.Json.Nodes;
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
        // A token with no cloud signal is judged against every cloud; this role's sub pins no environment.
        Assert.Empty(FindingsOf(Job("deploy", "ID_TOKEN", "https://gitlab.com", "./deploy.sh \"$ID_TOKEN\""), AwsTrust(), "missing-environment"));
    }

    private const string DeployRole = "arn:aws:iam::111122223333:role/gitlab-deploy";
    private const string DeployLogin = "keyless login aws --role-arn " + DeployRole + " --token-env AWS_ID_TOKEN --env-file /tmp/aws.env";

    /// <summary>
    /// The role of the case aws-sub-exact-allow (aws CLI output, SOURCE beside it) with its sub condition replaced
    /// by <paramref name="op"/> over <paramref name="subs"/>: a role for jobs that deploy to a protected environment.
    /// </summary>
    private static LintOptions EnvironmentRole(string op, params string[] subs)
    {
        var source = Path.Combine(LintFixtures.Root, "..", "..", "..", "cases", "aws-sub-exact-allow", "trust");
        var role = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "get-role.json")))!;
        var condition = new JsonObject { ["StringEquals"] = new JsonObject { ["gitlab.com:aud"] = "https://gitlab.com" } };
        var values = subs.Length == 1 ? (JsonNode)subs[0] : new JsonArray([.. subs.Select(v => (JsonNode)v)]);
        ((JsonObject)(condition[op] ??= new JsonObject()))["gitlab.com:sub"] = values;
        role["Role"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!["Condition"] = condition;

        var folder = Directory.CreateTempSubdirectory("keyless-aws-env-").FullName;
        try
        {
            File.Copy(Path.Combine(source, "get-open-id-connect-provider.json"), Path.Combine(folder, "get-open-id-connect-provider.json"));
            File.WriteAllText(Path.Combine(folder, "get-role.json"), role.ToJsonString());
            return new LintOptions { Trust = TrustLoader.Load([folder], TrustRequirement.AnyTrust) };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("StringEquals", "project_path:acme/payments:ref_type:branch:ref:main:environment_protected:true", null)]
    [InlineData("StringLike", "project_path:acme/payments:ref_type:branch:ref:main:deployment_tier:production", "production")]
    public void A_job_without_environment_using_a_role_whose_sub_pins_one_is_reported(string op, string sub, string? tier)
    {
        var options = EnvironmentRole(op, sub);

        var finding = Assert.Single(FindingsOf(Job("deploy", "AWS_ID_TOKEN", "https://gitlab.com", DeployLogin), options, "missing-environment"));

        Assert.Contains("role 'gitlab-deploy'", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"'{sub}'", finding.Message, StringComparison.Ordinal);
        Assert.Equal(tier is not null, finding.Fix.Contains("deployment_tier: " + tier, StringComparison.Ordinal));
        Assert.Empty(FindingsOf(Job("deploy", "AWS_ID_TOKEN", "https://gitlab.com", DeployLogin, extra: "  environment: production\n"), options, "missing-environment"));
    }

    [Theory]
    // One value that a job without an environment renders: the role is not pinned.
    [InlineData("StringEquals", "project_path:acme/payments:ref_type:branch:ref:main:environment_protected:true", "project_path:acme/payments:ref_type:branch:ref:main")]
    // ...IfExists and negated operators admit what their values do not describe.
    [InlineData("StringEqualsIfExists", "project_path:acme/payments:ref_type:branch:ref:main:environment_protected:true")]
    [InlineData("StringNotEquals", "project_path:acme/payments:ref_type:branch:ref:main:environment_protected:false")]
    public void A_role_that_admits_a_sub_without_an_environment_is_not_reported(string op, params string[] subs)
    {
        Assert.Empty(FindingsOf(Job("deploy", "AWS_ID_TOKEN", "https://gitlab.com", DeployLogin), EnvironmentRole(op, subs), "missing-environment"));
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
