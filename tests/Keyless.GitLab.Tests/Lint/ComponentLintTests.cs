using Keyless.GitLab.Lint;
using Keyless.GitLab.Pipeline;
using Keyless.GitLab.Tests.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Tests.Lint;

/// <summary>
/// The component pattern: rules and audiences that come from <c>spec:inputs</c>, files included under
/// <c>include:rules</c>, and parents in includes that were not read. Known values are judged; unknown ones are neither
/// a gate nor a pass, and the finding says so.
/// </summary>
public sealed class ComponentLintTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private const string Component = """
        spec:
          inputs:
            audience:
              default: https://gitlab.com
            rules:
              type: array
              default:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                  when: never
                - if: $CI_COMMIT_REF_PROTECTED == "true"
        ---
        deploy:
          id_tokens:
            VAULT_ID_TOKEN:
              aud: $[[ inputs.audience ]]
          rules: $[[ inputs.rules ]]
          script:
            - vault write auth/jwt/login role=ci jwt="$VAULT_ID_TOKEN"
        """;

    /// <summary>A token job with no rules of its own: whatever gates it comes from how it is included.</summary>
    private const string UngatedJob = """
        deploy:
          id_tokens:
            VAULT_ID_TOKEN:
              aud: https://vault.example.com
          script:
            - vault write auth/jwt/login role=ci jwt="$VAULT_ID_TOKEN"
        """;

    /// <summary>The pipeline that includes ci/deploy.yml with <paramref name="entry"/> (rules:, inputs:) on its include.</summary>
    private PipelineDocument Including(string entry) =>
        PipelineReader.Read(_project.Write(".gitlab-ci.yml", "include:\n  - local: ci/deploy.yml\n" + entry));

    private static List<Finding> Lint(PipelineDocument document, string id) => Linter.Lint(document).Where(f => f.Id == id).ToList();

    [Fact]
    public void A_component_alone_is_linted_with_its_defaults()
    {
        var document = PipelineReader.Read(_project.Write("templates/deploy.yml", Component));

        Assert.Empty(Lint(document, "ungated-token-job"));
        var aud = Assert.Single(Lint(document, "instance-url-audience"));
        Assert.Equal(15, aud.Location.Line);
    }

    [Fact]
    public void An_include_with_inputs_is_linted_with_the_values_given()
    {
        _project.Write("ci/deploy.yml", Component);
        var document = Including("""
                inputs:
                  audience: https://vault.example.com
                  rules:
                    - if: $CI_COMMIT_TAG
            """);

        Assert.Empty(Lint(document, "instance-url-audience"));
        var ungated = Assert.Single(Lint(document, "ungated-token-job"));
        Assert.Equal(Severity.Medium, ungated.Severity);
        Assert.Contains("unprotected tag", ungated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_from_an_input_with_no_value_are_not_a_gate_nor_a_pass()
    {
        var document = PipelineReader.Parse("""
            spec:
              inputs:
                rules:
                  type: array
            ---
            deploy:
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.example.com
              rules: $[[ inputs.rules ]]
              script:
                - vault write auth/jwt/login role=ci jwt="$VAULT_ID_TOKEN"
            """, "component.yml");

        var finding = Assert.Single(Lint(document, "ungated-token-job"));

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(Confidence.Likely, finding.Confidence);
        Assert.Contains("input 'rules'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("not judged", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'true'", 0)]
    [InlineData("'false'", 1)]
    public void A_condition_on_an_input_is_compared_with_its_value(string enabled, int ungated)
    {
        var document = PipelineReader.Parse($$"""
            spec:
              inputs:
                protected_only:
                  default: {{enabled}}
            ---
            deploy:
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.example.com
              rules:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                  when: never
                - if: '"$[[ inputs.protected_only ]]" == "true" && $CI_COMMIT_REF_PROTECTED != "true"'
                  when: never
                - when: on_success
              script:
                - vault write auth/jwt/login role=ci jwt="$VAULT_ID_TOKEN"
            """, "component.yml");

        Assert.Equal(ungated, Lint(document, "ungated-token-job").Count(f => f.Severity != Severity.Info));
    }

    [Fact]
    public void A_condition_on_an_input_with_no_value_is_unknown_not_literal_text()
    {
        var document = PipelineReader.Parse("""
            spec:
              inputs:
                enabled:
            ---
            deploy:
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.example.com
              rules:
                - if: "'$[[inputs.enabled]]' != 'true'"
                  when: never
                - when: on_success
              script:
                - vault write auth/jwt/login role=ci jwt="$VAULT_ID_TOKEN"
            """, "component.yml");

        // Read literally, '$[[inputs.enabled]]' != 'true' would always hold and the job would look never created.
        var finding = Assert.Single(Lint(document, "ungated-token-job"));

        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Fact]
    public void An_audience_from_an_input_with_no_value_is_not_judged_as_an_instance_URL()
    {
        var document = PipelineReader.Parse("""
            spec:
              inputs:
                audience:
            ---
            deploy:
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: $[[ inputs.audience ]]
              rules:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                  when: never
                - if: $CI_COMMIT_REF_PROTECTED == "true"
              script:
                - vault write auth/jwt/login role=ci jwt="$VAULT_ID_TOKEN"
            """, "component.yml");

        Assert.Empty(Lint(document, "instance-url-audience"));
        Assert.Empty(Lint(document, "shared-audience"));
        Assert.Contains(document.Notes, n => n.Message.Contains("input 'audience'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_included_only_on_the_default_branch_does_not_run_on_unprotected_refs()
    {
        _project.Write("ci/deploy.yml", UngatedJob);
        var document = Including("""
                rules:
                  - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
            """);

        Assert.Empty(Lint(document, "ungated-token-job"));
    }

    [Fact]
    public void A_file_included_on_tags_still_runs_on_unprotected_tags()
    {
        _project.Write("ci/deploy.yml", UngatedJob);
        var document = Including("""
                rules:
                  - if: $CI_COMMIT_TAG
            """);

        var finding = Assert.Single(Lint(document, "ungated-token-job"));

        Assert.Contains("unprotected tag", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unprotected branch", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parent_from_an_include_not_read_is_not_an_unknown_key_and_its_rules_are_unknown()
    {
        var document = PipelineReader.Read(_project.Write(".gitlab-ci.yml", """
            include:
              - component: $CI_SERVER_FQDN/platform/deploy/vault@2.1.0
            deploy:
              extends: .vault-deploy
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.example.com
            """));

        Assert.Empty(document.Diagnostics);
        var finding = Assert.Single(Lint(document, "ungated-token-job"));
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("parent .vault-deploy", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_without_script_beside_an_include_not_read_is_completed_there_and_judged_unknown()
    {
        // GitLab's Cosign template: docker-build comes from Docker.gitlab-ci.yml, the template adds a token and signing.
        var document = PipelineReader.Parse("""
            include:
              - template: Docker.gitlab-ci.yml
            docker-build:
              id_tokens:
                SIGSTORE_ID_TOKEN:
                  aud: sigstore
              after_script:
                - cosign sign "$IMAGE_DIGEST"
            """, "Cosign.gitlab-ci.yml");

        Assert.True(Assert.Single(document.Jobs).CompletedOutOfSight);
        var finding = Assert.Single(Lint(document, "ungated-token-job"));
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("the rest of job 'docker-build'", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Lint(document, "unused-id-token"));
    }
}
