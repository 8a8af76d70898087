using Keyless.Formats.Output;
using Keyless.Trust.Findings;

namespace Keyless.Formats.Tests.Output;

public sealed class FailOnTests
{
    public sealed class ExitCode
    {
        [Theory]
        [InlineData(Severity.Info, 1)]
        [InlineData(Severity.Medium, 1)]
        [InlineData(Severity.Critical, 1)]
        public void Should_Exit_1_When_A_Finding_Is_At_Or_Above_The_Threshold(Severity threshold, int expected) =>
            Assert.Equal(expected, FailOn.ExitCode(SampleFindings.All, threshold));

        [Fact]
        public void Should_Exit_0_When_Every_Finding_Is_Below_The_Threshold() =>
            Assert.Equal(0, FailOn.ExitCode(SampleFindings.All.Where(f => f.Severity < Severity.High).ToList(), Severity.High));

        [Fact]
        public void Should_Exit_0_Without_Findings() =>
            Assert.Equal(0, FailOn.ExitCode([], Severity.Info));
    }
}
