using Keyless.Trust.Findings;

namespace Keyless.GitLab.Tests.Lint;

/// <summary>
/// What a line really exposes: a token's claims (header or payload, no signature) are info; the whole token, or a
/// cloud credential (STS keys included), printed or uploaded (artifacts, dotenv reports, caches) is high.
/// </summary>
public sealed class ExposureTests
{
    private const string Gate = """
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"
              when: never
            - if: $CI_COMMIT_REF_PROTECTED == "true"
        """;

    private static string Job(string script, string extra = "") =>
        "deploy:\n  id_tokens:\n    AWS_ID_TOKEN:\n      aud: https://sts.amazonaws.com\n" + Gate + "\n  script:\n" + script + extra;

    public sealed class Claims
    {
        [Theory]
        [InlineData("echo \"$AWS_ID_TOKEN\" | cut -d. -f2 | base64 -d | jq .", Severity.Info)]
        [InlineData("echo $AWS_ID_TOKEN | cut -d '.' -f 2 | base64 -d", Severity.Info)]
        [InlineData("echo \"$AWS_ID_TOKEN\" | awk -F. '{print $2}' | base64 -d", Severity.Info)]
        [InlineData("jq -R 'split(\".\") | .[1] | @base64d | fromjson' <<< \"$AWS_ID_TOKEN\"", Severity.Info)]
        [InlineData("echo \"$AWS_ID_TOKEN\" | base64", Severity.High)]
        [InlineData("echo \"$AWS_ID_TOKEN\" | cut -d. -f2,3", Severity.High)]
        [InlineData("echo \"${AWS_ID_TOKEN:0:200}\"", Severity.High)]
        public void Printing_is_graded_by_what_reaches_the_log(string line, Severity expected)
        {
            var finding = Assert.Single(LintText.Findings(Job($"    - {line}\n"), "token-printed"));

            Assert.Equal(expected, finding.Severity);
            if (expected == Severity.Info)
            {
                // The claims alone: no redeemable token, and no transformed copy kept either.
                Assert.Contains("cannot be redeemed", finding.Message, StringComparison.Ordinal);
                Assert.Empty(LintText.Findings(Job($"    - {line}\n"), "token-transformed"));
            }
        }

        [Fact]
        public void Claims_written_to_an_artifact_are_info()
        {
            var yaml = Job("    - echo \"$AWS_ID_TOKEN\" | cut -d. -f2 > claims.txt\n", "  artifacts:\n    paths: [claims.txt]\n");

            var finding = Assert.Single(LintText.Findings(yaml, "token-in-artifacts"));

            Assert.Equal(Severity.Info, finding.Severity);
        }
    }

    public sealed class CloudCredentials
    {
        private const string AssumeRole =
            "aws sts assume-role-with-web-identity --role-arn arn:aws:iam::111111111111:role/ci --role-session-name ci --web-identity-token \"$AWS_ID_TOKEN\"";

        [Fact]
        public void STS_keys_printed_to_the_log_are_high()
        {
            var finding = Assert.Single(LintText.Findings(Job($"    - {AssumeRole}\n"), "token-printed"));

            Assert.Equal(Severity.High, finding.Severity);
            Assert.Contains("aws sts assume-role-with-web-identity", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void GitLabs_AWS_example_keeps_the_keys_in_variables_and_prints_nothing()
        {
            var script = "    - >\n      export $(printf \"AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_SESSION_TOKEN=%s\"\n"
                + $"      $({AssumeRole}\n      --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text))\n"
                + "    - aws sts get-caller-identity\n";

            Assert.Empty(LintText.Findings(Job(script), "token-printed"));
        }

        [Fact]
        public void STS_keys_written_to_a_dotenv_report_are_high()
        {
            var script = $"    - export $(printf \"AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_SESSION_TOKEN=%s\" $({AssumeRole} --output text))\n"
                + "    - echo \"AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY\" >> aws.env\n";

            var finding = Assert.Single(LintText.Findings(Job(script, "  artifacts:\n    reports:\n      dotenv: aws.env\n"), "credentials-in-artifacts"));

            Assert.Equal(Severity.High, finding.Severity);
            Assert.Contains("dotenv", finding.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("gitlab-aws-credential-helper env > .gitlab-aws-credentials.env")]
        [InlineData("gitlab-aws-credential-helper dotenv")]
        public void A_credential_helpers_output_in_a_dotenv_report_is_high(string line)
        {
            // binxio/gitlab-aws-credential-helper: `env` prints the keys, `dotenv` writes .gitlab-aws-credentials.env itself.
            var yaml = $$"""
                get-aws-credentials:
                  id_tokens:
                    GITLAB_AWS_IDENTITY_TOKEN:
                      aud: https://gitlab.com
                  script:
                    - {{line}}
                  artifacts:
                    reports:
                      dotenv: .gitlab-aws-credentials.env
                """;

            Assert.Equal(Severity.High, Assert.Single(LintText.Findings(yaml, "credentials-in-artifacts")).Severity);
            Assert.Empty(LintText.Findings(yaml, "unused-id-token"));
        }

        [Fact]
        public void Keys_exported_to_a_cached_file_are_high()
        {
            var script = "    - aws configure export-credentials --format env > .aws-env\n";

            var finding = Assert.Single(LintText.Findings(Job(script, "  cache:\n    paths: [.aws-env]\n"), "credentials-in-artifacts"));

            Assert.Contains("the cache", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_access_token_from_a_token_endpoint_printed_is_high()
        {
            var script = "    - curl -s -X POST https://sts.googleapis.com/v1/token -d \"subject_token=$AWS_ID_TOKEN\"\n";

            var finding = Assert.Single(LintText.Findings(Job(script), "token-printed"));

            Assert.Equal(Severity.High, finding.Severity);
        }

        [Fact]
        public void A_registry_password_piped_to_docker_is_not_printed()
        {
            var script = "    - aws ecr get-login-password | docker login --username AWS --password-stdin 111111111111.dkr.ecr.eu-west-1.amazonaws.com\n";

            Assert.Empty(LintText.Findings(Job(script), "token-printed"));
        }
    }
}
