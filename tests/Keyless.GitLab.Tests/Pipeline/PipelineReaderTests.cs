using Keyless.GitLab.Pipeline;
using Keyless.Trust.Diagnostics;

namespace Keyless.GitLab.Tests.Pipeline;

public sealed class PipelineReaderTests
{
    private static PipelineJob Job(PipelineDocument document, string name) => Assert.Single(document.Jobs, j => j.Name == name);

    private static IEnumerable<string> Script(PipelineJob job, string section = "script") =>
        job.ScriptLines().Where(l => l.Section == section).Select(l => l.Text);

    public sealed class Jobs
    {
        [Fact]
        public void Hidden_keys_are_templates_not_jobs_and_globals_are_not_jobs()
        {
            var document = PipelineReader.Parse("""
                stages: [build]
                variables: {A: b}
                workflow: {rules: [{when: always}]}
                .template: {script: [echo]}
                build: {script: [make]}
                """);

            Assert.Equal(["build"], document.Jobs.Select(j => j.Name));
        }

        [Fact]
        public void A_job_that_is_not_a_mapping_is_a_diagnostic()
        {
            var document = PipelineReader.Parse("job: [echo]\n");

            Assert.Empty(document.Jobs);
            Assert.Contains(document.Diagnostics, d => d.Message.Contains("must be a mapping", StringComparison.Ordinal) && d.Location.Line == 1);
        }

        [Fact]
        public void A_job_with_nothing_to_run_is_a_diagnostic_unless_an_include_not_read_may_complete_it()
        {
            // GitLab: "jobs deploy config should implement the script:, run:, or trigger: keyword".
            var alone = PipelineReader.Parse("build: {script: [make]}\ntrigger: {trigger: {include: child.yml}}\n.t: {script: [a]}\nfrom-template: {extends: .t}\ndeploy:\n  id_tokens: {T: {aud: x}}\n");
            var beside = PipelineReader.Parse("include: {template: Docker.gitlab-ci.yml}\ndeploy:\n  id_tokens: {T: {aud: x}}\n");

            var diagnostic = Assert.Single(alone.Diagnostics);
            Assert.Contains("job 'deploy' has no script:", diagnostic.Message, StringComparison.Ordinal);
            Assert.Equal(5, diagnostic.Location.Line);
            Assert.Empty(beside.Diagnostics);
        }
    }

    public sealed class Extends
    {
        [Fact]
        public void Mappings_merge_deeply_and_lists_are_replaced()
        {
            var document = PipelineReader.Parse("""
                .base:
                  variables: {A: from-base, B: from-base}
                  script: [base-script]
                  before_script: [base-before]
                job:
                  extends: .base
                  variables: {B: from-job}
                  script: [job-script]
                """);

            var job = Job(document, "job");

            Assert.Equal("from-base", job.GetVariable("A")!.Value);
            Assert.Equal("from-job", job.GetVariable("B")!.Value);
            Assert.Equal(["job-script"], Script(job));
            Assert.Equal(["base-before"], Script(job, "before_script"));
        }

        [Fact]
        public void Later_parents_override_earlier_ones_and_parents_resolve_their_own_parents()
        {
            var document = PipelineReader.Parse("""
                .a: {image: a, stage: a}
                .b: {extends: .a, image: b}
                .c: {image: c, tags: [c]}
                job:
                  extends: [.b, .c]
                  script: [x]
                """);

            var body = Job(document, "job").Body;

            Assert.Equal("c", body.GetScalar("image")!.Value);
            Assert.Equal("a", body.GetScalar("stage")!.Value);
        }

        [Fact]
        public void Inherited_values_point_at_the_template_line()
        {
            var document = PipelineReader.Parse("""
                .deploy:
                  id_tokens:
                    GCP_TOKEN:
                      aud: https://example.com
                job:
                  extends: .deploy
                  script: [echo $GCP_TOKEN]
                """);

            var token = Assert.Single(Job(document, "job").IdTokens);

            Assert.Equal(3, token.Location.Line);
            Assert.Equal(4, token.Audiences[0].Location.Line);
            Assert.False(token.FromDefault);
        }

        [Fact]
        public void A_cycle_is_a_diagnostic_and_reading_goes_on()
        {
            var document = PipelineReader.Parse("""
                .a: {extends: .b, image: a}
                .b: {extends: .a, image: b}
                job: {extends: .a, script: [x]}
                """);

            Assert.Contains(document.Diagnostics, d => d.Message.Contains("circular dependency", StringComparison.Ordinal));
            Assert.Single(document.Jobs);
        }

        [Fact]
        public void An_unknown_parent_is_a_diagnostic_at_the_extends_line()
        {
            var document = PipelineReader.Parse("job:\n  script: [x]\n  extends: .missing\n");

            var diagnostic = Assert.Single(document.Diagnostics);

            Assert.Contains(".missing", diagnostic.Message, StringComparison.Ordinal);
            Assert.Equal(3, diagnostic.Location.Line);
        }

        [Fact]
        public void Nesting_deeper_than_GitLab_allows_is_a_diagnostic()
        {
            var yaml = ".t0: {image: x}\n";
            for (var i = 1; i <= 12; i++)
            {
                yaml += $".t{i}: {{extends: .t{i - 1}}}\n";
            }

            var document = PipelineReader.Parse(yaml + "job: {extends: .t12, script: [x]}\n");

            Assert.Contains(document.Diagnostics, d => d.Message.Contains("nesting too deep", StringComparison.Ordinal));
        }

        [Fact]
        public void A_very_long_chain_written_top_down_stops_early()
        {
            var yaml = "job: {extends: .t2000, script: [x]}\n";
            for (var i = 2000; i >= 1; i--)
            {
                yaml += $".t{i}: {{extends: .t{i - 1}}}\n";
            }

            var document = PipelineReader.Parse(yaml + ".t0: {image: x}\n");

            Assert.Contains(document.Diagnostics, d => d.Message.Contains("nesting too deep", StringComparison.Ordinal));
        }
    }

    public sealed class Defaults
    {
        [Fact]
        public void A_job_takes_default_keywords_it_does_not_set_and_replaces_the_others()
        {
            var document = PipelineReader.Parse("""
                default:
                  before_script: [default-before]
                  after_script: [default-after]
                job:
                  before_script: [job-before]
                  script: [x]
                """);

            var job = Job(document, "job");

            Assert.Equal(["job-before"], Script(job, "before_script"));
            Assert.Equal(["default-after"], Script(job, "after_script"));
        }

        [Fact]
        public void Id_tokens_from_default_reach_every_job_and_say_so()
        {
            var document = PipelineReader.Parse("""
                default:
                  id_tokens:
                    ID_TOKEN:
                      aud: [https://a.example, https://b.example]
                one: {script: [x]}
                two:
                  script: [x]
                  id_tokens:
                    OWN: {aud: https://own.example}
                """);

            var inherited = Assert.Single(Job(document, "one").IdTokens);
            var own = Assert.Single(Job(document, "two").IdTokens);

            Assert.True(inherited.FromDefault);
            Assert.Equal(["https://a.example", "https://b.example"], inherited.Audiences.Select(a => a.Value));
            Assert.False(own.FromDefault);
            Assert.Equal("OWN", own.Name);
        }

        [Theory]
        [InlineData("inherit: {default: false}", 0)]
        [InlineData("inherit: {default: [image]}", 0)]
        [InlineData("inherit: {default: [id_tokens]}", 1)]
        [InlineData("inherit: {default: true}", 1)]
        public void Inherit_default_controls_what_a_job_takes(string inherit, int tokens)
        {
            var document = PipelineReader.Parse($"default:\n  id_tokens:\n    T: {{aud: x}}\njob:\n  script: [x]\n  {inherit}\n");

            Assert.Equal(tokens, Job(document, "job").IdTokens.Count);
        }

        [Fact]
        public void Old_top_level_globals_act_as_defaults()
        {
            var document = PipelineReader.Parse("before_script: [global-before]\njob: {script: [x]}\n");

            Assert.Equal(["global-before"], Script(Job(document, "job"), "before_script"));
        }

        [Fact]
        public void Inherit_variables_false_drops_global_variables()
        {
            var document = PipelineReader.Parse("variables: {A: a}\njob:\n  script: [x]\n  inherit: {variables: false}\n");

            Assert.Null(Job(document, "job").GetVariable("A"));
        }
    }

    public sealed class References
    {
        [Fact]
        public void A_reference_in_a_script_is_flattened_into_it()
        {
            var document = PipelineReader.Parse("""
                .setup:
                  script:
                    - echo setup-1
                    - echo setup-2
                job:
                  script:
                    - !reference [.setup, script]
                    - echo own
                """);

            var lines = Job(document, "job").ScriptLines().ToList();

            Assert.Equal(["echo setup-1", "echo setup-2", "echo own"], lines.Select(l => l.Text));
            Assert.Equal(3, lines[0].Location.Line);
        }

        [Fact]
        public void References_resolve_after_extends_and_nest()
        {
            var document = PipelineReader.Parse("""
                .base:
                  variables: {AUD: https://example.com}
                .child:
                  extends: .base
                .nested:
                  rules: [!reference [.child, variables]]
                job:
                  variables: !reference [.child, variables]
                  script: [x]
                """);

            Assert.Equal("https://example.com", Job(document, "job").GetVariable("AUD")!.Value);
        }

        [Fact]
        public void A_missing_reference_is_a_diagnostic()
        {
            var document = PipelineReader.Parse("job:\n  script: [!reference [.nope, script]]\n");

            Assert.Contains(document.Diagnostics, d => d.Message.Contains("could not be found", StringComparison.Ordinal));
        }

        [Fact]
        public void A_reference_cycle_stops_at_the_nesting_limit()
        {
            var document = PipelineReader.Parse("""
                .a: {script: [!reference [.b, script]]}
                .b: {script: [!reference [.a, script]]}
                job: {script: [!reference [.a, script]]}
                """);

            Assert.Contains(document.Diagnostics, d => d.Message.Contains("nest deeper", StringComparison.Ordinal));
        }

        [Fact]
        public async Task References_that_fan_out_are_refused_at_the_node_budget_not_expanded()
        {
            // Ten levels, each naming the level below six times: 6^10 script lines if expanded in full.
            var yaml = new System.Text.StringBuilder(".l0: {script: [x]}\n");
            for (var level = 1; level < ReferenceResolver.MaxNesting; level++)
            {
                var below = string.Join(", ", Enumerable.Repeat($"!reference [.l{level - 1}, script]", 6));
                yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $".l{level}: {{script: [{below}]}}\n");
            }

            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"job: {{script: [!reference [.l{ReferenceResolver.MaxNesting - 1}, script]]}}\n");

            var parse = Task.Run(() => PipelineReader.Parse(yaml.ToString(), "fan-out.yml"), TestContext.Current.CancellationToken);
            var error = await Assert.ThrowsAsync<InputException>(
                () => parse.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));

            Assert.Equal("fan-out.yml", error.File);
            Assert.True(error.Line > 0);
            Assert.Contains("!reference", error.Message, StringComparison.Ordinal);
        }
    }

    public sealed class Includes : IDisposable
    {
        private readonly TempProject _project = new();

        public void Dispose() => _project.Dispose();

        [Fact]
        public void Local_includes_merge_under_the_including_file_and_nest()
        {
            _project.Write("ci/templates.yml", "include: {local: /ci/more.yml}\n.deploy:\n  image: from-include\n  stage: deploy\n");
            _project.Write("ci/more.yml", ".more: {image: more}\n");
            var entry = _project.Write(".gitlab-ci.yml", "include:\n  - local: ci/templates.yml\njob:\n  extends: [.more, .deploy]\n  stage: own\n  script: [x]\n");

            var document = PipelineReader.Read(entry);
            var body = Job(document, "job").Body;

            Assert.Equal("from-include", body.GetScalar("image")!.Value);
            Assert.Equal("own", body.GetScalar("stage")!.Value);
            Assert.EndsWith(Path.Combine("ci", "templates.yml"), body.GetScalar("image")!.Location.File, StringComparison.Ordinal);
            Assert.Equal(3, document.Files.Count);
        }

        [Fact]
        public void Local_paths_start_at_the_project_root_whatever_file_includes_them()
        {
            _project.Write("ci/a.yml", "include: ci/b.yml\n");
            _project.Write("ci/b.yml", "job-b: {script: [b]}\n");
            var entry = _project.Write(".gitlab-ci.yml", "include: ci/a.yml\n");

            var document = PipelineReader.Read(entry);

            Assert.Equal(["job-b"], document.Jobs.Select(j => j.Name));
        }

        [Fact]
        public void Wildcard_local_includes_read_every_match()
        {
            _project.Write("ci/one.yml", "one: {script: [x]}\n");
            _project.Write("ci/sub/two.yml", "two: {script: [x]}\n");
            var entry = _project.Write(".gitlab-ci.yml", "include: {local: 'ci/**.yml'}\n");

            var document = PipelineReader.Read(entry);

            Assert.Equal(["one", "two"], document.Jobs.Select(j => j.Name).Order());
        }

        [Fact]
        public void A_missing_local_file_is_bad_input_at_the_include()
        {
            var entry = _project.Write(".gitlab-ci.yml", "job: {script: [x]}\ninclude:\n  - local: nope.yml\n");

            var error = Assert.Throws<InputException>(() => PipelineReader.Read(entry));

            Assert.Equal(entry, error.File);
            Assert.Equal(3, error.Line);
            Assert.Contains("nope.yml", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_local_path_outside_the_project_is_refused()
        {
            var entry = _project.Write(".gitlab-ci.yml", "include: ../../etc/passwd.yml\n");

            Assert.Throws<InputException>(() => PipelineReader.Read(entry));
        }

        [Fact]
        public void Every_file_a_glob_matches_counts_toward_the_include_limit()
        {
            for (var i = 0; i <= IncludeResolver.MaxIncludes; i++)
            {
                _project.Write($"ci/part-{i:D3}.yml", $".t{i}: {{image: x}}\n");
            }

            var entry = _project.Write(".gitlab-ci.yml", "job: {script: [x]}\ninclude:\n  - local: 'ci/*.yml'\n");

            var error = Assert.Throws<InputException>(() => PipelineReader.Read(entry));

            Assert.Contains($"more than {IncludeResolver.MaxIncludes} includes", error.Message, StringComparison.Ordinal);
            Assert.Equal(3, error.Line);
        }

        [Fact]
        public void A_glob_within_the_include_limit_reads_every_file()
        {
            _project.Write("ci/a.yml", "a: {script: [x]}\n");
            _project.Write("ci/b.yml", "b: {script: [x]}\n");
            var entry = _project.Write(".gitlab-ci.yml", "include: 'ci/*.yml'\n");

            var document = PipelineReader.Read(entry);

            Assert.Equal(["a", "b"], document.Jobs.Select(j => j.Name).Order());
        }

        [Fact]
        public void A_bracket_in_a_local_include_is_part_of_the_file_name()
        {
            var entry = _project.Write(".gitlab-ci.yml", "include: 'ci/[ab].yml'\n");

            // Not a glob (that would be a "matches no file" note): the one file it names is missing.
            var error = Assert.Throws<InputException>(() => PipelineReader.Read(entry));

            Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_malformed_included_file_names_that_file()
        {
            _project.Write("ci/bad.yml", "job: [\n");
            var entry = _project.Write(".gitlab-ci.yml", "include: ci/bad.yml\n");

            var error = Assert.Throws<InputException>(() => PipelineReader.Read(entry));

            Assert.EndsWith(Path.Combine("ci", "bad.yml"), error.File, StringComparison.Ordinal);
        }

        [Fact]
        public void A_file_that_includes_itself_is_read_once()
        {
            var entry = _project.Write(".gitlab-ci.yml", "include: .gitlab-ci.yml\njob: {script: [x]}\n");

            var document = PipelineReader.Read(entry);

            Assert.Single(document.Jobs);
            Assert.Contains(document.Diagnostics, d => d.Message.Contains("includes itself", StringComparison.Ordinal));
        }

        [Fact]
        public void Other_include_forms_are_recorded_not_fetched()
        {
            var entry = _project.Write(".gitlab-ci.yml", """
                include:
                  - remote: https://example.com/ci.yml
                  - https://example.com/bare.yml
                  - project: group/templates
                    ref: v1.2.3
                    file: [/a.yml, /b.yml]
                  - template: Auto-DevOps.gitlab-ci.yml
                  - component: $CI_SERVER_FQDN/group/components/deploy@1.0.0
                job: {script: [x]}
                """);

            var includes = PipelineReader.Read(entry).Includes;

            Assert.Equal(
                [IncludeKind.Remote, IncludeKind.Remote, IncludeKind.Project, IncludeKind.Template, IncludeKind.Component],
                includes.Select(i => i.Kind));
            Assert.Equal("v1.2.3", includes[2].Ref);
            Assert.Equal(["/a.yml", "/b.yml"], includes[2].Files!);
            Assert.Equal(4, includes[2].Location.Line);
        }

        [Fact]
        public void Includes_that_are_not_read_are_noted_and_parents_from_them_are_missing_not_errors()
        {
            var entry = _project.Write(".gitlab-ci.yml", """
                include:
                  - project: platform/ci
                    ref: 0123456789abcdef0123456789abcdef01234567
                    file: /deploy.yml
                deploy:
                  extends: .deploy-template
                  script: [x]
                after:
                  extends: deploy
                  script: [y]
                """);

            var document = PipelineReader.Read(entry);

            Assert.Empty(document.Diagnostics);
            Assert.Single(document.Unread);
            Assert.Contains(document.Notes, n => n.Location.Line == 2 && n.Message.Contains("not read", StringComparison.Ordinal));
            Assert.Contains(document.Notes, n => n.Message.Contains(".deploy-template", StringComparison.Ordinal));
            Assert.Equal([".deploy-template"], Job(document, "deploy").MissingParents);
            Assert.Equal([".deploy-template"], Job(document, "after").MissingParents);
        }

        [Fact]
        public void Without_unread_includes_an_unknown_parent_is_still_a_warning()
        {
            var entry = _project.Write(".gitlab-ci.yml", "deploy:\n  extends: .nowhere\n  script: [x]\n");

            var document = PipelineReader.Read(entry);

            Assert.Contains(document.Diagnostics, d => d.Message.Contains("unknown key in `extends`", StringComparison.Ordinal));
            Assert.Empty(Job(document, "deploy").MissingParents);
        }

        [Fact]
        public void A_reference_into_an_unread_include_is_unknown_not_a_warning()
        {
            var entry = _project.Write(".gitlab-ci.yml", "include: {template: Jobs/Build.gitlab-ci.yml}\njob:\n  script: !reference [.setup, script]\n");

            var document = PipelineReader.Read(entry);

            Assert.Empty(document.Diagnostics);
            var script = Assert.IsType<PipelineScalar>(Job(document, "job").Body["script"]);
            Assert.True(script.IsUnknown);
        }

        [Fact]
        public void A_local_include_with_rules_brings_its_jobs_in_under_those_rules()
        {
            _project.Write("ci/deploy.yml", "deploy: {script: [x]}\n");
            var entry = _project.Write(".gitlab-ci.yml", """
                include:
                  - local: ci/deploy.yml
                    rules:
                      - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                build: {script: [make]}
                """);

            var document = PipelineReader.Read(entry);

            var condition = Assert.Single(Job(document, "deploy").IncludedUnder!);
            Assert.Single(condition.Rules);
            Assert.Null(Job(document, "build").IncludedUnder);
        }

        [Fact]
        public void A_nested_conditional_include_needs_the_rules_of_every_include_on_its_way()
        {
            _project.Write("ci/outer.yml", "include:\n  - local: ci/inner.yml\n    rules: [{if: $DEPLOY}]\n");
            _project.Write("ci/inner.yml", "deploy: {script: [x]}\n");
            var entry = _project.Write(".gitlab-ci.yml", "include:\n  - local: ci/outer.yml\n    rules: [{if: $CI_COMMIT_TAG}]\n");

            var condition = Assert.Single(Job(PipelineReader.Read(entry), "deploy").IncludedUnder!);

            Assert.Equal(2, condition.Rules.Count);
        }

        [Fact]
        public void A_job_also_defined_by_a_file_always_included_is_unconditional()
        {
            _project.Write("ci/deploy.yml", "deploy: {script: [x]}\n");
            var entry = _project.Write(".gitlab-ci.yml", "include:\n  - local: ci/deploy.yml\n    rules: [{if: $CI_COMMIT_TAG}]\ndeploy: {stage: deploy}\n");

            Assert.Null(Job(PipelineReader.Read(entry), "deploy").IncludedUnder);
        }

        [Fact]
        public void Text_without_a_project_notes_its_local_includes_as_not_read()
        {
            var document = PipelineReader.Parse("include: ci/a.yml\njob: {script: [x]}\n", ".gitlab-ci.yml");

            Assert.Single(document.Unread);
            Assert.Contains(document.Notes, n => n.Message.Contains("no project folder", StringComparison.Ordinal));
        }
    }
}
