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
        public void Should_Exit_4_When_A_Part_Was_Not_Read_And_Nothing_Else_Fails_Whatever_Its_Severity()
        {
            var unread = Unread("not-verified", Severity.Low);

            Assert.Equal(FailOn.Incomplete, FailOn.ExitCode([unread], Severity.Critical));
            Assert.Equal(FailOn.Incomplete, FailOn.ExitCode([unread, Unread("not-scanned", Severity.High)], Severity.Info));
            Assert.Equal(FailOn.Incomplete, FailOn.ExitCode([.. SampleFindings.All.Where(f => f.Severity < Severity.High), unread], Severity.High));
        }

        [Fact]
        public void Should_Exit_1_When_Another_Finding_Fails_Even_If_A_Part_Was_Not_Read() =>
            Assert.Equal(1, FailOn.ExitCode([Unread("not-verified", Severity.High), .. SampleFindings.All], Severity.High));

        [Fact]
        public void Should_Exit_0_Without_Findings() =>
            Assert.Equal(0, FailOn.ExitCode([], Severity.Info));
    }

    private static Finding Unread(string id, Severity severity) => new()
    {
        Id = id,
        Severity = severity,
        Confidence = Confidence.Proven,
        Message = "gcp:acme-data was not verified.",
        Fix = "Grant the reader.",
        Location = new FindingLocation("pull.json", null),
    };
}
