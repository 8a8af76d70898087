using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Tests.Pipeline;

/// <summary><c>spec:inputs</c> as GitLab interpolates them: defaults for a file read on its own, the values of <c>include: inputs:</c> otherwise.</summary>
public sealed class InputInterpolationTests
{
    private static PipelineJob Job(PipelineDocument document, string name) => Assert.Single(document.Jobs, j => j.Name == name);

    public sealed class Defaults
    {
        [Fact]
        public void A_file_read_on_its_own_takes_the_defaults_typed_when_a_block_is_the_whole_value()
        {
            var document = PipelineReader.Parse("""
                spec:
                  inputs:
                    stage: {default: deploy}
                    rules:
                      type: array
                      default:
                        - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                    manual: {type: boolean, default: true}
                ---
                deploy:
                  stage: $[[ inputs.stage ]]
                  rules: $[[ inputs.rules ]]
                  allow_failure: $[[ inputs.manual ]]
                  script:
                    - echo "stage $[[ inputs.stage ]], manual $[[ inputs.manual ]]"
                """, "component.yml");

            var body = Job(document, "deploy").Body;

            Assert.Equal("deploy", body.GetScalar("stage")!.Value);
            var rule = Assert.IsType<PipelineMapping>(Assert.Single(body.GetSequence("rules")!.Items));
            Assert.Equal("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", rule.GetScalar("if")!.Value);
            Assert.Equal("true", body.GetScalar("allow_failure")!.Value);
            Assert.Equal("echo \"stage deploy, manual true\"", body.GetSequence("script")!.Items[0].Text());
            Assert.Empty(document.Diagnostics);
        }

        [Fact]
        public void An_input_without_default_stays_unknown_with_a_note()
        {
            var document = PipelineReader.Parse("""
                spec:
                  inputs:
                    audience:
                ---
                deploy:
                  id_tokens:
                    ID_TOKEN:
                      aud: $[[ inputs.audience ]]
                  rules:
                    - if: '"$[[ inputs.audience ]]" != ""'
                  script: [x]
                """, "component.yml");

            var aud = Assert.Single(Assert.Single(Job(document, "deploy").IdTokens).Audiences);

            Assert.True(aud.IsUnknown);
            Assert.Equal(["input 'audience'"], aud.Unresolved);
            Assert.Equal("$[[ inputs.audience ]]", aud.Value);
            Assert.Contains(document.Notes, n => n.Message.Contains("input 'audience' has no default", StringComparison.Ordinal));
            Assert.Empty(document.Diagnostics);
        }

        [Fact]
        public void Job_names_and_other_keys_are_interpolated_too()
        {
            var document = PipelineReader.Parse(
                "spec:\n  inputs:\n    prefix: {default: 'tofu-'}\n---\n'$[[ inputs.prefix ]]plan':\n  script: [x]\n", "component.yml");

            Assert.Equal(["tofu-plan"], document.Jobs.Select(j => j.Name));
        }

        [Fact]
        public void A_file_without_a_header_keeps_blocks_as_text()
        {
            var document = PipelineReader.Parse("job:\n  script: ['echo $[[ inputs.x ]]']\n", ".gitlab-ci.yml");

            var script = (PipelineScalar)Job(document, "job").Body.GetSequence("script")!.Items[0];

            Assert.Equal("echo $[[ inputs.x ]]", script.Value);
            Assert.False(script.IsUnknown);
        }

        [Fact]
        public void An_undeclared_input_is_the_error_GitLab_reports_as_a_warning()
        {
            var document = PipelineReader.Parse("spec:\n  inputs:\n    a: {default: x}\n---\njob:\n  script: ['$[[ inputs.b ]]']\n", "component.yml");

            Assert.Contains(document.Diagnostics, d => d.Message.Contains("unknown interpolation key: `b`", StringComparison.Ordinal));
        }
    }

    public sealed class Functions
    {
        [Theory]
        [InlineData("$[[ inputs.name | truncate(0,5) ]]", "produ")]
        [InlineData("$[[ inputs.name | truncate(3, 100) ]]", "duction env")]
        [InlineData("$[[ inputs.name | posix_escape ]]", "production\\ env")]
        [InlineData("$[[ inputs.name | expand_vars ]]", "production env")]
        [InlineData("x-$[[ inputs.name | truncate(0,4) | posix_escape ]]", "x-prod")]
        public void Functions_apply_in_order(string expression, string expected)
        {
            var document = PipelineReader.Parse(
                $"spec:\n  inputs:\n    name: {{default: 'production env'}}\n---\njob:\n  script: ['{expression}']\n", "component.yml");

            Assert.Equal(expected, Job(document, "job").Body.GetSequence("script")!.Items[0].Text());
        }

        [Fact]
        public void Split_makes_a_list()
        {
            var document = PipelineReader.Parse(
                "spec:\n  inputs:\n    tags: {default: 'a, b,,c'}\n---\njob:\n  tags: \"$[[ inputs.tags | split(',') ]]\"\n  script: [x]\n", "component.yml");

            Assert.Equal(["a", "b", "c"], Job(document, "job").Body.GetSequence("tags")!.Items.Select(i => i.Text()));
        }

        [Fact]
        public void A_function_on_a_boolean_is_the_error_GitLab_reports()
        {
            var document = PipelineReader.Parse(
                "spec:\n  inputs:\n    on: {type: boolean, default: true}\n---\njob:\n  script: ['$[[ inputs.on | posix_escape ]]']\n", "component.yml");

            Assert.Contains(document.Diagnostics, d => d.Message.Contains("can only be used with string inputs", StringComparison.Ordinal));
        }
    }

    public sealed class Blocks
    {
        [Theory]
        [InlineData("$[[ inputs.a ]]", "inputs.a")]
        [InlineData("x $[[inputs.a]] y", "inputs.a")]
        [InlineData("$[[ inputs.a | truncate(0,2) ]]", "inputs.a | truncate(0,2)")]
        [InlineData("$[[a]]b]]", "a]]b")]
        public void A_block_is_found_as_GitLabs_pattern_finds_it(string text, string data)
        {
            Assert.Equal(data, Assert.Single(InterpolationBlock.Find(text)).Data);
        }

        [Theory]
        [InlineData("$[[ ]]")]
        [InlineData("$[[ a ]]")]
        [InlineData("$[[ inputs\n.a ]]x")]
        [InlineData("no block")]
        public void Text_that_GitLabs_pattern_skips_has_no_block(string text)
        {
            Assert.Empty(InterpolationBlock.Find(text));
        }

        [Fact]
        public void Space_and_a_line_break_before_the_closing_brackets_are_not_data()
        {
            Assert.Equal("inputs.a", Assert.Single(InterpolationBlock.Find("$[[ inputs.a\n]]x")).Data);
        }

        [Fact]
        public void Finding_blocks_is_linear_on_hostile_text()
        {
            var text = string.Concat(Enumerable.Repeat("$[[ x", 50_000)) + "]]";

            var blocks = InterpolationBlock.Find(text);

            Assert.Single(blocks);
        }
    }

    public sealed class Includes : IDisposable
    {
        private readonly TempProject _project = new();

        public void Dispose() => _project.Dispose();

        private const string Component = """
            spec:
              inputs:
                audience:
                rules:
                  type: array
                  default: [{when: never}]
                stage: {default: deploy}
            ---
            deploy:
              stage: $[[ inputs.stage ]]
              id_tokens:
                ID_TOKEN:
                  aud: $[[ inputs.audience ]]
              rules: $[[ inputs.rules ]]
              script: [x]
            """;

        [Fact]
        public void An_include_with_inputs_is_read_with_the_values_given_and_the_defaults_for_the_rest()
        {
            _project.Write("templates/deploy.yml", Component);
            var entry = _project.Write(".gitlab-ci.yml", """
                include:
                  - local: templates/deploy.yml
                    inputs:
                      audience: https://vault.example.com
                      rules:
                        - if: $CI_COMMIT_REF_PROTECTED == "true"
                """);

            var document = PipelineReader.Read(entry);
            var job = Job(document, "deploy");

            Assert.Equal("https://vault.example.com", Assert.Single(Assert.Single(job.IdTokens).Audiences).Value);
            Assert.Equal("deploy", job.Body.GetScalar("stage")!.Value);
            var rule = Assert.IsType<PipelineMapping>(Assert.Single(job.Body.GetSequence("rules")!.Items));
            Assert.Equal("$CI_COMMIT_REF_PROTECTED == \"true\"", rule.GetScalar("if")!.Value);
            Assert.Empty(document.Diagnostics);
        }

        [Fact]
        public void A_required_input_not_given_is_the_error_GitLab_reports_and_stays_unknown()
        {
            _project.Write("templates/deploy.yml", Component);
            var entry = _project.Write(".gitlab-ci.yml", "include:\n  - local: templates/deploy.yml\n");

            var document = PipelineReader.Read(entry);

            Assert.Contains(document.Diagnostics, d => d.Message.Contains("`audience` input: required value", StringComparison.Ordinal));
            Assert.True(Assert.Single(Assert.Single(Job(document, "deploy").IdTokens).Audiences).IsUnknown);
        }

        [Fact]
        public void An_input_the_file_does_not_declare_is_the_error_GitLab_reports()
        {
            _project.Write("templates/deploy.yml", Component);
            var entry = _project.Write(".gitlab-ci.yml", "include:\n  - local: templates/deploy.yml\n    inputs: {audience: a, colour: blue}\n");

            var document = PipelineReader.Read(entry);

            Assert.Contains(document.Diagnostics, d => d.Message.Contains("unknown input arguments: colour", StringComparison.Ordinal));
        }

        [Fact]
        public void An_outer_input_with_no_value_passed_on_stays_unknown_inside()
        {
            _project.Write("templates/deploy.yml", Component);
            var entry = _project.Write("component.yml", """
                spec:
                  inputs:
                    audience:
                ---
                include:
                  - local: templates/deploy.yml
                    inputs:
                      audience: $[[ inputs.audience ]]
                """);

            var document = PipelineReader.Read(entry);

            var aud = Assert.Single(Assert.Single(Job(document, "deploy").IdTokens).Audiences);
            Assert.Equal(["input 'audience'"], aud.Unresolved);
        }
    }
}
