using Keyless.Trust.Findings;

namespace Keyless.Trust.Tests.Findings;

public sealed class SeverityNamesTests
{
    public sealed class TheTryParseMethod
    {
        [Theory]
        [InlineData("critical", Severity.Critical)]
        [InlineData("HIGH", Severity.High)]
        [InlineData("info", Severity.Info)]
        public void Should_Read_Every_Wire_Name(string text, Severity expected)
        {
            Assert.True(SeverityNames.TryParse(text, out var severity));
            Assert.Equal(expected, severity);
            Assert.Equal(expected.ToWire(), text.ToLowerInvariant());
        }

        [Fact]
        public void Should_Refuse_An_Unknown_Name()
        {
            Assert.False(SeverityNames.TryParse("severe", out _));
        }
    }
}
