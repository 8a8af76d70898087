using Keyless.GitLab.Lint;
using Keyless.GitLab.Lint.Flow;
using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Tests.Lint.Flow;

public sealed class JobFlowTests
{
    public sealed class NormalizePath
    {
        // Two variables naming each other used to expand until the stack overflowed and the process died.
        [Theory]
        [InlineData("script: [cat $A]")]
        [InlineData("script: [x]\n  variables: {GOOGLE_APPLICATION_CREDENTIALS: $A}")]
        [InlineData("script: [x]\n  artifacts: {paths: [$A]}")]
        public void Variables_that_name_each_other_expand_a_bounded_number_of_times(string body)
        {
            var document = PipelineReader.Parse($$$"""
                variables: {A: "$B/a", B: "$A/b"}
                job:
                  id_tokens: {T: {aud: x}}
                  {{{body}}}
                """);

            var findings = Linter.Lint(document);

            Assert.NotNull(findings);
        }

        [Fact]
        public void The_ring_still_names_a_path_for_the_credential_file()
        {
            var document = PipelineReader.Parse("""
                variables: {A: "$B/a", B: "$A/b", GOOGLE_APPLICATION_CREDENTIALS: $A}
                job: {script: [x]}
                """);

            var events = JobFlow.Analyze(Assert.Single(document.Jobs)).Events;

            var credential = Assert.Single(events, e => e.Kind == FlowEventKind.CredentialFile);
            Assert.EndsWith("/b/a", credential.File, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("${CREDS}", "out/creds.json")]
        [InlineData("$CREDS", "out/creds.json")]
        [InlineData("$/key.json", "$/key.json")]
        public void A_variable_is_followed_in_both_forms_and_an_empty_name_is_none(string reference, string expected)
        {
            var document = PipelineReader.Parse($$"""
                variables: {"": "/elsewhere", DIR: "out", CREDS: "${DIR}/creds.json", GOOGLE_APPLICATION_CREDENTIALS: "{{reference}}"}
                job: {script: [x]}
                """);

            var events = JobFlow.Analyze(Assert.Single(document.Jobs)).Events;

            Assert.Contains(events, e => e.Kind == FlowEventKind.CredentialFile && e.File == expected);
        }

        [Fact]
        public void A_chain_of_variables_is_still_followed()
        {
            var document = PipelineReader.Parse("""
                variables: {DIR: "$CI_PROJECT_DIR/out", CREDS: "$DIR/creds.json", GOOGLE_APPLICATION_CREDENTIALS: $CREDS}
                job: {script: [x]}
                """);

            var events = JobFlow.Analyze(Assert.Single(document.Jobs)).Events;

            Assert.Contains(events, e => e.Kind == FlowEventKind.CredentialFile && e.File == "out/creds.json");
        }
    }
}
