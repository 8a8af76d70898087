using Keyless.Cel.Library;

namespace Keyless.Cel.Tests;

/// <summary>
/// The possessive fast path for flat anchored patterns: which patterns it takes (only those where possessive
/// matching is exact), and that it answers as RE2 on the edges (tests/Keyless.Fuzz.Tests compares it with the
/// regex on thousands of generated patterns).
/// </summary>
public sealed class FlatPatternTests
{
    public sealed class TryParse
    {
        [Theory]
        [InlineData(@"^release/[0-9]+\.[0-9]+$")]
        [InlineData(@"^v\d+\.\d+\.\d+$")]
        [InlineData(@"^[a-z0-9_-]+$")]
        [InlineData(@"^[-a]+:")]
        [InlineData(@"^feature/")]
        [InlineData(@"^a{2,3}b{0}c{1,}")]
        [InlineData(@"^a?b+a")]
        [InlineData(@"^\w+\.\w+$")]
        [InlineData(@"^[\d.]+/[\w]+$")]
        [InlineData("^")]
        [InlineData("^$")]
        public void Should_Take_A_Flat_Pattern_Where_Possessive_Matching_Is_Exact(string pattern)
        {
            Assert.NotNull(FlatPattern.TryParse(pattern));
            Assert.NotNull(Re2.Compile(pattern).Flat);
        }

        [Theory]
        [InlineData(@"^v[0-9]+(\.[0-9]+)*$")] // a group
        [InlineData("release")] // not anchored
        [InlineData("^a*a$")] // a* can give back an a
        [InlineData("^[a-c]?b")] // [a-c]? can give back the b
        [InlineData("^a?b?a")] // a? overlaps the a after the optional b
        [InlineData("^[a-]?-")]
        [InlineData(@"^\d+\w")]
        [InlineData("^a+?")] // lazy
        [InlineData("^a**")]
        [InlineData("^.*$")]
        [InlineData("^[^a]")]
        [InlineData("^a|b")]
        [InlineData("^a$b")]
        [InlineData("^(?i)a")]
        [InlineData(@"^\s+")]
        [InlineData(@"^\bmain")]
        [InlineData("^a{1001}")]
        [InlineData("^a{3,2}")]
        [InlineData("^a{,2}")]
        [InlineData("^a{2")]
        [InlineData("^[a")]
        [InlineData("^[]a]")]
        [InlineData("^[z-a]")]
        [InlineData("^[a-c-e]")]
        [InlineData("^[[:digit:]]")]
        [InlineData("^é")]
        [InlineData(@"^\x41")]
        [InlineData("^\\")]
        public void Should_Leave_Every_Other_Pattern_To_The_Regex(string pattern) => Assert.Null(FlatPattern.TryParse(pattern));
    }

    public sealed class IsMatch
    {
        [Theory]
        [InlineData("'release/1.2'.matches('^release/[0-9]+\\\\.[0-9]+$')", true)]
        [InlineData("'release/1.2\\n'.matches('^release/[0-9]+\\\\.[0-9]+$')", false)]
        [InlineData("'release/1.2x'.matches('^release/[0-9]+\\\\.[0-9]+$')", false)]
        [InlineData("'release/1.2x'.matches('^release/[0-9]+\\\\.[0-9]+')", true)]
        [InlineData("'release/1.'.matches('^release/[0-9]+\\\\.[0-9]+')", false)]
        [InlineData("''.matches('^a*$')", true)]
        [InlineData("''.matches('^a+$')", false)]
        [InlineData("''.matches('^')", true)]
        [InlineData("'x'.matches('^$')", false)]
        [InlineData("'é'.matches('^\\\\w$')", false)]
        [InlineData("'é'.matches('^\\\\w*')", true)]
        [InlineData("'ab😀'.matches('^ab')", true)]
        [InlineData("'😀'.matches('^[a-z]*$')", false)]
        [InlineData("'a'.matches('^a{0}$')", false)]
        [InlineData("'x'.matches('^a{0}x$')", true)]
        [InlineData("'aaaa'.matches('^a{2,3}$')", false)]
        [InlineData("'aaa'.matches('^a{2,3}$')", true)]
        [InlineData("'a-b_c'.matches('^[\\\\w-]+$')", true)]
        [InlineData("'A'.matches('^[a-z]$')", false)]
        public void Should_Answer_As_Re2(string source, bool expected) => Assert.Equal(expected, Cel.Bool(source));
    }
}
