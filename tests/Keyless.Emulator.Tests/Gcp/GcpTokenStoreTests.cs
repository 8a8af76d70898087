using Keyless.Emulator.Gcp;

namespace Keyless.Emulator.Tests.Gcp;

public sealed class GcpTokenStoreTests
{
    public sealed class TheIssueMethod
    {
        [Fact]
        public async Task Should_Stay_Bounded_And_Never_Fail_When_Many_Requests_Issue_At_Once()
        {
            // Given: more tokens than the store keeps, issued from several threads, as a busy STS does.
            var time = TimeProvider.System;
            var store = new GcpTokenStore(time);
            var issued = 0;

            // When
            var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                for (var i = 0; i < GcpTokenStore.MaxTokens; i++)
                {
                    var now = time.GetUtcNow();
                    var token = store.Issue("ya29.d.", new IssuedToken(null, "sa@p.iam.gserviceaccount.com", [], now, now.AddHours(1)));
                    Assert.NotNull(store.Find(token));
                    Interlocked.Increment(ref issued);
                }
            }, TestContext.Current.CancellationToken));
            await Task.WhenAll(workers);

            // Then: every issue succeeded, and the newest token is still known.
            Assert.Equal(4 * GcpTokenStore.MaxTokens, issued);
            var last = store.Issue("ya29.d.", new IssuedToken(null, null, [], time.GetUtcNow(), time.GetUtcNow().AddHours(1)));
            Assert.NotNull(store.Find(last));
        }
    }
}
