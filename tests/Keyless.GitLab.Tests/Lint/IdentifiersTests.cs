using Keyless.GitLab.Lint;
using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Tests.Lint;

public sealed class IdentifiersTests
{
    public sealed class Mentions
    {
        [Theory]
        [InlineData("echo $TOKEN", "TOKEN", true)]
        [InlineData("echo ${TOKEN}", "TOKEN", true)]
        [InlineData("echo $TOKEN_2", "TOKEN", false)]
        [InlineData("echo $MY_TOKEN $TOKEN", "TOKEN", true)]
        [InlineData("echo $TOKEN", "", false)]
        [InlineData("", "", false)]
        public void Finds_whole_identifiers_only(string text, string name, bool expected) =>
            Assert.Equal(expected, Identifiers.Mentions(text, name));

        [Fact]
        public async Task Linting_an_id_token_with_an_empty_name_terminates()
        {
            var document = PipelineReader.Parse("job: {script: [x], id_tokens: {\"\": {aud: a}}}\n");

            // It used to search for "" forever; the timeout turns such a hang into a failure.
            var findings = await Task.Run(() => Linter.Lint(document), TestContext.Current.CancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

            Assert.NotNull(findings);
        }
    }
}
