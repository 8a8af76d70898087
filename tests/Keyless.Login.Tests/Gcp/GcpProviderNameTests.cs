using Keyless.Login.Gcp;
using Keyless.Trust.Diagnostics;

namespace Keyless.Login.Tests.Gcp;

public sealed class GcpProviderNameTests
{
    private const string Name = "projects/123456789012/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com";

    [Theory]
    [InlineData("//iam.googleapis.com/" + Name)]
    [InlineData(Name)]
    [InlineData("https://iam.googleapis.com/" + Name)]
    public void Should_Accept_The_Forms_Gcloud_Terraform_And_Tokens_Use(string value)
    {
        var provider = GcpProviderName.Parse(value);

        Assert.Equal("//iam.googleapis.com/" + Name, provider.StsAudience);
        Assert.Equal(["//iam.googleapis.com/" + Name, "https://iam.googleapis.com/" + Name], provider.DefaultAudiences);
        Assert.Equal("projects/123456789012/locations/global/workloadIdentityPools/gitlab", provider.PoolName);
    }

    [Fact]
    public void Should_Refuse_A_Project_Id_And_Say_How_To_Get_The_Number()
    {
        var error = Assert.Throws<InputException>(() => GcpProviderName.Parse(Name.Replace("123456789012", "acme-prod", StringComparison.Ordinal)));

        Assert.Equal("--provider", error.File);
        Assert.Contains("gcloud projects describe acme-prod", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_target", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gitlab-com")]
    [InlineData("projects/1/locations/global/workloadIdentityPools/gitlab")]
    [InlineData("projects/1/locations/global/workloadIdentityPools//providers/p")]
    [InlineData("//iam.googleapis.com/projects/1/locations/global/pools/gitlab/providers/p")]
    public void Should_Refuse_Other_Strings_With_The_Expected_Shape(string value)
    {
        var error = Assert.Throws<InputException>(() => GcpProviderName.Parse(value));

        Assert.Contains("workloadIdentityPools/POOL/providers/PROVIDER", error.Message, StringComparison.Ordinal);
    }
}
