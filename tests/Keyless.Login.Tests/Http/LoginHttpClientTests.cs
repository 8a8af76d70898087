using Keyless.Login.Http;
using Keyless.Login.Tests.Infrastructure;
using Keyless.Trust.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Keyless.Login.Tests.Http;

public sealed class LoginHttpClientTests
{
    private static Func<HttpRequestMessage> Post(Uri url) => () => new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("x") };

    public sealed class SendAsync
    {
        [Fact]
        public async Task Should_Retry_A_Throttled_Request_Then_Return_The_Answer()
        {
            using var fake = new FakeEndpoint((429, """{"error":"quota_exceeded"}"""), (200, "{}"));
            fake.WithHeader(0, "Retry-After", "1");
            using var http = new LoginHttpClient(TimeProvider.System);

            var outcome = await http.SendAsync(Post(fake.Url), TestContext.Current.CancellationToken);

            Assert.True(outcome.Succeeded);
            Assert.Equal(2, fake.Requests.Count);
        }

        [Fact]
        public async Task Should_Not_Retry_A_Refusal()
        {
            using var fake = new FakeEndpoint((400, """{"error":"invalid_grant"}"""));
            using var http = new LoginHttpClient(new FakeTimeProvider());

            var outcome = await http.SendAsync(Post(fake.Url), TestContext.Current.CancellationToken);

            Assert.Equal(400, outcome.Status);
            Assert.Single(fake.Requests);
        }

        [Fact]
        public async Task Should_Not_Follow_A_Redirect_With_The_Token()
        {
            using var target = new FakeEndpoint((200, "{}"));
            using var fake = new FakeEndpoint((302, string.Empty));
            fake.WithHeader(0, "Location", target.Url.ToString());
            using var http = new LoginHttpClient(new FakeTimeProvider());

            var outcome = await http.SendAsync(Post(fake.Url), TestContext.Current.CancellationToken);

            Assert.Equal(302, outcome.Status);
            Assert.Empty(target.Requests);
        }

        [Fact]
        public async Task Should_Say_Who_Could_Not_Be_Reached()
        {
            using var fake = new FakeEndpoint((200, "{}"));
            var url = new Uri($"https://127.0.0.1:{fake.Port}/v1/token");
            using var http = new LoginHttpClient(TimeProvider.System);

            var outcome = await http.SendAsync(Post(url), TestContext.Current.CancellationToken);

            Assert.NotNull(outcome.TransportError);
            Assert.Contains($"127.0.0.1:{fake.Port}", outcome.TransportError, StringComparison.Ordinal);
        }
    }

    public sealed class Constructor
    {
        [Fact]
        public void Should_Refuse_A_Ca_File_Without_Certificates()
        {
            var path = Path.GetTempFileName();
            File.WriteAllText(path, "not a certificate");
            try
            {
                var error = Assert.Throws<InputException>(() => new LoginHttpClient(TimeProvider.System, path));

                Assert.Equal(path, error.File);
                Assert.Contains("--ca-file", error.Message, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
