using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Tests.Pipeline;

public sealed class PathGlobTests
{
    public sealed class HasWildcards
    {
        [Theory]
        [InlineData("ci/*.yml", true)]
        [InlineData("ci/**/deploy.yml", true)]
        [InlineData("ci/deploy-?.yml", true)]
        [InlineData("ci/deploy.yml", false)]

        // Brackets are matched literally, so they must not make the pattern a glob either.
        [InlineData("ci/[ab].yml", false)]
        public void Is_true_only_for_what_the_matcher_treats_as_a_wildcard(string pattern, bool expected) =>
            Assert.Equal(expected, new PathGlob(pattern).HasWildcards);

        [Fact]
        public void A_bracket_matches_only_itself()
        {
            var glob = new PathGlob("ci/[ab].yml");

            Assert.True(glob.MatchesExactly("ci/[ab].yml"));
            Assert.False(glob.MatchesExactly("ci/a.yml"));
        }
    }
}
