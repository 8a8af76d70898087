using Keyless.GitLab.Api;

namespace Keyless.GitLab.Tests.Api;

public sealed class LinkHeaderTests
{
    public sealed class Next
    {
        [Fact]
        public void Should_Pick_The_Next_Relation_Among_Several() =>
            Assert.Equal("https://g.example/api/v4/projects/1/variables?page=2&per_page=20",
                LinkHeader.Next(["<https://g.example/api/v4/projects/1/variables?page=1&per_page=20>; rel=\"first\", " +
                                 "<https://g.example/api/v4/projects/1/variables?page=2&per_page=20>; rel=\"next\", " +
                                 "<https://g.example/api/v4/projects/1/variables?page=3&per_page=20>; rel=\"last\""]));

        [Fact]
        public void Should_Return_Null_On_The_Last_Page() =>
            Assert.Null(LinkHeader.Next(["<https://g.example/x?page=1>; rel=\"first\", <https://g.example/x?page=3>; rel=\"last\""]));

        [Theory]
        [InlineData("</x?page=2>; rel=\"prefetch next\"")]
        [InlineData("</x?page=2>; rel=next")]
        public void Should_Accept_Unquoted_And_Multi_Valued_Relations(string header) =>
            Assert.Equal("/x?page=2", LinkHeader.Next([header]));
    }
}
