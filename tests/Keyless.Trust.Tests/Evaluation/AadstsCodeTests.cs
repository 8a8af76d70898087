using Keyless.Trust.Evaluation.Azure;

namespace Keyless.Trust.Tests.Evaluation;

public sealed class AadstsCodeTests
{
    [Theory]
    [InlineData("AADSTS700213: No matching federated identity record found for presented assertion subject 'x'.", 700213)]
    [InlineData("invalid_client: AADSTS7002138: … case-insensitive comparison …", 7002138)]
    [InlineData("AADSTS90002: Tenant 'x' not found. Trace ID: 1", 90002)]
    [InlineData("no code here", null)]
    [InlineData("AADSTS: a prefix without a number", null)]
    [InlineData("AADSTS12345678901234: more digits than any code has", 123456789)]
    public void Should_Read_The_Number_After_The_First_AADSTS(string description, int? expected) =>
        Assert.Equal(expected, AadstsCode.In(description));
}
