using Keyless.GitLab.Pipeline;
using Keyless.Trust.Diagnostics;

namespace Keyless.GitLab.Tests.Pipeline;

public sealed class YamlFileLoaderTests
{
    private static PipelineMapping Load(string yaml) => YamlFileLoader.Parse(yaml, "ci.yml")!;

    public sealed class Anchors
    {
        [Fact]
        public void An_alias_reads_as_the_anchored_value()
        {
            var root = Load("a: &x [one, two]\nb: *x\n");

            var items = root.GetSequence("b")!.Items.Select(i => i.Text());

            Assert.Equal(["one", "two"], items);
        }

        [Fact]
        public void A_merge_key_overrides_keys_written_before_it_as_Psych_does()
        {
            var root = Load("base: &b {stage: test, when: manual}\njob:\n  stage: build\n  <<: *b\n  when: always\n");

            var job = root.GetMapping("job")!;

            Assert.Equal("test", job.GetScalar("stage")!.Value);
            Assert.Equal("always", job.GetScalar("when")!.Value);
            Assert.False(job.ContainsKey("<<"));
        }

        [Fact]
        public void In_a_list_of_merged_mappings_the_first_wins()
        {
            var root = Load("a: &a {k: first}\nb: &b {k: second, o: other}\njob:\n  <<: [*a, *b]\n");

            var job = root.GetMapping("job")!;

            Assert.Equal("first", job.GetScalar("k")!.Value);
            Assert.Equal("other", job.GetScalar("o")!.Value);
        }

        [Fact]
        public void Merged_values_keep_the_line_of_the_anchor()
        {
            var root = Load("base: &b\n  image: alpine\njob:\n  <<: *b\n");

            Assert.Equal(2, root.GetMapping("job")!.GetScalar("image")!.Location.Line);
        }
    }

    /// <summary>GitLab loads YAML with Psych, which keeps the last of a repeated key and applies every <c>&lt;&lt;</c> in order.</summary>
    public sealed class RepeatedKeys
    {
        private static (PipelineMapping Root, PipelineLog Log) Read(string yaml)
        {
            var log = new PipelineLog();
            return (YamlFileLoader.Read(yaml, "ci.yml", log).Content!, log);
        }

        [Fact]
        public void A_repeated_key_takes_the_last_value_in_the_first_place_with_a_note()
        {
            var (root, log) = Read("job:\n  script: [a]\n  stage: test\n  script: [b]\n");

            var job = root.GetMapping("job")!;

            Assert.Equal(["script", "stage"], job.Entries.Select(e => e.Name));
            Assert.Equal("b", job.GetSequence("script")!.Items[0].Text());
            Assert.Equal(4, job.Entries[0].Key.Location.Line);
            var note = Assert.Single(log.Notes);
            Assert.Equal(4, note.Location.Line);
            Assert.Contains("also at line 2", note.Message, StringComparison.Ordinal);
            Assert.Empty(log.Diagnostics);
        }

        [Fact]
        public void A_repeated_job_keeps_the_later_definition()
        {
            var (root, _) = Read("deploy:\n  script: [one]\ndeploy:\n  script: [two]\n");

            Assert.Equal("two", root.GetMapping("deploy")!.GetSequence("script")!.Items[0].Text());
        }

        [Fact]
        public void Merge_keys_written_twice_apply_in_order_as_in_GitLabs_deploy_template()
        {
            // The shape of Jobs/Deploy.gitlab-ci.yml: two `<<:` in one mapping, the later one over the earlier.
            var (root, log) = Read("""
                .auto-deploy: &auto-deploy
                  image: deploy-image
                  dependencies: []
                .production: &production_template
                  stage: production
                  script: [auto-deploy deploy]
                  dependencies: [build]
                production:
                  <<: *auto-deploy
                  <<: *production_template
                  environment: {name: production}
                """);

            var job = root.GetMapping("production")!;

            Assert.Equal("deploy-image", job.GetScalar("image")!.Value);
            Assert.Equal("production", job.GetScalar("stage")!.Value);
            Assert.Equal("build", job.GetSequence("dependencies")!.Items[0].Text());
            Assert.False(job.ContainsKey("<<"));
            Assert.Contains(log.Notes, n => n.Location.Line == 10 && n.Message.Contains("`<<`", StringComparison.Ordinal));
        }

        [Fact]
        public void A_quoted_merge_key_merges_as_in_Psych_and_a_str_tagged_one_is_a_plain_key()
        {
            var (root, _) = Read("base: &b {image: alpine}\na:\n  \"<<\": *b\nb:\n  !!str <<: *b\n");

            Assert.Equal("alpine", root.GetMapping("a")!.GetScalar("image")!.Value);
            Assert.True(root.GetMapping("b")!.ContainsKey("<<"));
        }

        [Fact]
        public void A_merge_of_something_not_a_mapping_stays_a_key_and_is_a_warning_not_a_refusal()
        {
            var (root, log) = Read("job:\n  <<: text\n  script: [a]\n");

            Assert.True(root.GetMapping("job")!.ContainsKey("<<"));
            Assert.Contains(log.Diagnostics, d => d.Location.Line == 2);
        }
    }

    public sealed class Tags
    {
        [Fact]
        public void A_reference_tag_is_kept_on_its_sequence()
        {
            var root = Load("job:\n  script: !reference [.setup, script]\n");

            Assert.Equal("!reference", root.GetMapping("job")!.GetSequence("script")!.Tag);
        }
    }

    public sealed class Documents
    {
        [Fact]
        public void A_spec_header_document_is_read_apart_from_the_configuration()
        {
            var file = YamlFileLoader.Read("spec:\n  inputs:\n    stage: {}\n---\njob:\n  script: [echo]\n", "ci.yml", new PipelineLog());

            Assert.True(file.Content!.ContainsKey("job"));
            Assert.False(file.Content.ContainsKey("spec"));
            Assert.True(file.Header!.GetMapping("spec")!.GetMapping("inputs")!.ContainsKey("stage"));
        }

        [Fact]
        public void An_empty_file_has_no_configuration()
        {
            Assert.Null(YamlFileLoader.Parse("# only a comment\n", "ci.yml"));
        }
    }

    public sealed class BadInput
    {
        [Fact]
        public void Malformed_yaml_names_file_line_and_column()
        {
            var error = Assert.Throws<InputException>(() => Load("job:\n  script: [echo, \n"));

            Assert.Equal("ci.yml", error.File);
            Assert.NotNull(error.Line);
            Assert.NotNull(error.Column);
            Assert.StartsWith("invalid YAML", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Line:", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("job:\n  id_tokens:\n    T:\n\t  aud: x\n  script: [a]\n", 4, 1)]
        [InlineData("job:\n  script:\n    - a\n  variables:\n  \tB: c\n", 5, 3)]
        public void A_tab_used_as_indentation_is_named_at_its_line_and_column(string yaml, int line, int column)
        {
            // YamlDotNet marks it at the start of the enclosing mapping; GitLab (libyaml) names the tab.
            var error = Assert.Throws<InputException>(() => Load(yaml));

            Assert.Equal((line, column), (error.Line, error.Column));
            Assert.Contains("tab", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Input_that_trips_the_yaml_scanner_is_still_bad_input_with_a_place()
        {
            // YamlDotNet throws InvalidOperationException here rather than a YamlException.
            var error = Assert.Throws<InputException>(() => Load("job:\n  script: [echo, \n  other: x\n"));

            Assert.NotNull(error.Line);
            Assert.StartsWith("invalid YAML", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_unknown_alias_is_refused()
        {
            var error = Assert.Throws<InputException>(() => Load("job: *nope\n"));

            Assert.Equal(1, error.Line);
        }

        [Fact]
        public void A_recursive_alias_is_refused_not_followed_forever()
        {
            var error = Assert.Throws<InputException>(() => Load("a: &x [1, *x]\n"));

            Assert.Contains("contains it", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_alias_bomb_is_refused()
        {
            var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
            var previous = "a";
            for (var i = 0; i < 8; i++)
            {
                var name = "l" + i;
                yaml += $"{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n";
                previous = name;
            }

            var error = Assert.Throws<InputException>(() => Load(yaml));

            Assert.Contains("expands to more than", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Deep_nesting_is_refused_before_any_recursion()
        {
            var yaml = "a: " + new string('[', 5000) + new string(']', 5000) + "\n";

            var error = Assert.Throws<InputException>(() => Load(yaml));

            Assert.Contains("nested deeper", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Nesting_built_from_aliases_is_bounded_too()
        {
            var yaml = "a0: &a0 " + new string('[', 100) + new string(']', 100) + "\n"
                + "a1: &a1 " + new string('[', 100) + "*a0" + new string(']', 100) + "\n";

            var error = Assert.Throws<InputException>(() => Load(yaml));

            Assert.Contains("through aliases", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_scalar_document_is_not_a_pipeline()
        {
            var error = Assert.Throws<InputException>(() => Load("just text\n"));

            Assert.Contains("must be a mapping", error.Message, StringComparison.Ordinal);
        }
    }

    public sealed class ScalarLines
    {
        [Fact]
        public void Literal_block_lines_map_to_their_file_lines()
        {
            var root = Load("job:\n  script:\n    - |\n      echo one\n\n      echo three\n");

            var script = (PipelineScalar)root.GetMapping("job")!.GetSequence("script")!.Items[0];

            Assert.Equal([("echo one", 4), (string.Empty, 5), ("echo three", 6)], script.Lines().ToList());
        }

        [Fact]
        public void Plain_scalars_report_their_start_line()
        {
            var root = Load("job:\n  script:\n    - echo one\n");

            var script = (PipelineScalar)root.GetMapping("job")!.GetSequence("script")!.Items[0];

            Assert.Equal([("echo one", 3)], script.Lines().ToList());
        }
    }
}
